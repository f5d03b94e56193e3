import { expect, it } from 'vitest';
import { badInputPart } from '../src/bad-input/index.js';

it('bad input at CI scale: forged webhooks and fuzzed public procedures all refused with a 4xx, nothing changed', async () => {
  const started = performance.now();
  const result = await badInputPart.run('ci');
  console.log(
    `${[result.setup, ...result.figures].join('\n\n')}\n\n(${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  expect(result.checks.length).toBeGreaterThan(0);
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
});
