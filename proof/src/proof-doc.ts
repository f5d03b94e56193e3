import { readFile } from 'node:fs/promises';
import { writeMarkdown } from '@clinicpay/testing';
import { resolve } from 'node:path';

export const PROOF_DOC = resolve(import.meta.dirname, '../../docs/PROOF.md');

const HEADER = `# Proof: load, faults and attacks

Written by \`pnpm proof\` (\`proof/\`); each part also runs alone (\`pnpm proof chaos\`) and rewrites
only its own section. A small version of every part runs in CI (\`proof/test\`) and checks correctness
only; the figures here are from full runs on the machine named in each section.
`;

/** Replaces one part's section (between its markers) or appends it; other parts' sections stay. */
export async function writeSection(name: string, body: string): Promise<void> {
  const current = await readFile(PROOF_DOC, 'utf8').catch(() => HEADER);
  const start = `<!-- proof:${name}:start -->`;
  const end = `<!-- proof:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeMarkdown(PROOF_DOC, next);
}
