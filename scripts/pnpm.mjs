// Finds the pinned pnpm, or runs it through npx, so a machine with only Node.js and npm works.
import { spawnSync } from 'node:child_process';

export const PNPM_VERSION = '12.4.2';

export function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: false });
  if (found.status === 0 && found.stdout.trim().split('.')[0] === PNPM_VERSION.split('.')[0]) {
    return { command: 'pnpm', prefix: [] };
  }
  return { command: 'npx', prefix: ['--yes', `pnpm@${PNPM_VERSION}`] };
}

/** Runs pnpm with inherited output; exits this process with pnpm's code when it fails. */
export function runPnpm(args, options = {}) {
  const { command, prefix } = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function checkNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(
      `Node.js 20.19 or newer is needed (this is ${process.versions.node}); install it from nodejs.org.`,
    );
    process.exit(1);
  }
}
