import { expect, it } from 'vitest';
import { chaosStripeTroublePart } from '../src/chaos/index.js';

it('chaos with Stripe rate-limiting (10% 429) and slow (500 ms on a fifth): the same invariants', async () => {
  const result = await chaosStripeTroublePart.run('ci');
  console.log([result.setup, ...result.figures].join('\n\n'));
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
});
