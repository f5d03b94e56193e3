// The SPAs' production builds, which the API serves at / and /admin/ (and whose pages get the
// CSP checked here). Built on every run: it takes seconds, and a stale dist would prove nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');

export interface SpaBuild {
  name: 'patient' | 'admin';
  seconds: number;
  /** `<script>` elements without a src in the built page: a strict CSP would block them. */
  inlineScripts: number;
}

export function buildSpas(): SpaBuild[] {
  return (['patient', 'admin'] as const).map((name) => {
    const started = performance.now();
    execFileSync('pnpm', ['--filter', `@clinicpay/${name}`, 'build'], { cwd: REPO, stdio: 'pipe' });
    const seconds = (performance.now() - started) / 1000;
    const html = readFileSync(resolve(REPO, 'apps', name, 'dist', 'index.html'), 'utf8');
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter(
      ([, attributes]) => !/\bsrc=/.test(attributes ?? ''),
    ).length;
    return { name, seconds, inlineScripts };
  });
}
