import { expect, it } from 'vitest';
import { performancePart } from '../src/performance/index.js';

// The CI slice: every benchmark of the table once at tiny sizes; only that each really ran is
// asserted, never a figure.
it('runs every benchmark of the performance table, each operation succeeding', async () => {
  const started = performance.now();
  const result = await performancePart.run('ci');
  console.log(
    `${result.setup}\n\n${result.figures.join('\n\n')}\n\n(${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  expect(result.checks.length).toBeGreaterThan(0);
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
});
