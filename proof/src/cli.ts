// pnpm proof [part …] [--ci]
// Runs the named parts (all by default), prints their checks and figures, and at full scale writes
// them to docs/PROOF.md with the machine they ran on. Exits 1 when any check fails.
import { describeMachine } from './machine.js';
import { PARTS } from './parts.js';
import { writeSection } from './proof-doc.js';
import { renderPart, type Scale } from './report.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const scale: Scale = args.includes('--ci') ? 'ci' : 'full';
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !PARTS.some((p) => p.name === n));
if (unknown.length > 0) {
  console.error(
    `Unknown part ${unknown.join(', ')}. Parts: ${PARTS.map((p) => p.name).join(', ')}.`,
  );
  process.exit(2);
}
const selected = names.length > 0 ? PARTS.filter((p) => names.includes(p.name)) : PARTS;
const machine = describeMachine();

let failed = 0;
for (const part of selected) {
  console.log(`\n▶ ${part.title} (${scale} scale)`);
  const started = performance.now();
  const result = await part.run(scale);
  const seconds = (performance.now() - started) / 1000;
  const markdown = renderPart(part, result, seconds);
  console.log(markdown);
  failed += result.checks.filter((c) => !c.ok).length;
  if (scale === 'full') {
    await writeSection(
      part.name,
      `${markdown}\n_Machine: ${machine}; run ${new Date().toISOString().slice(0, 16)}Z._`,
    );
  }
}
console.log(failed === 0 ? '\nAll checks held.' : `\n${failed} check(s) failed.`);
process.exit(failed === 0 ? 0 : 1);
