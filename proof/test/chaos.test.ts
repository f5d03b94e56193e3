import { expect, it } from 'vitest';
import { chaosPart } from '../src/chaos/index.js';

it('chaos on payments at CI scale: nothing lost or doubled, no overlap, no money without a booking', async () => {
  const result = await chaosPart.run('ci');
  console.log([result.setup, ...result.figures].join('\n\n'));
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
});
