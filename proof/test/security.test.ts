// The CI slice of the security sweep: the whole sweep (it has no larger scale), checks only.
import { expect, it } from 'vitest';
import { securityPart } from '../src/security/index.js';

it('security sweep: every check holds', async () => {
  const result = await securityPart.run('ci');
  console.log(
    [
      result.setup,
      ...result.checks.map((c) => `${c.ok ? '✔' : '✘'} ${c.name} (${c.detail ?? ''})`),
      ...result.figures,
    ].join('\n\n'),
  );
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
});
