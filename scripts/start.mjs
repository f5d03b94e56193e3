#!/usr/bin/env node
// `npm start`: installs what is missing, then runs the whole system on embedded defaults
// (PGlite, the Stripe emulator, a seeded demo clinic). Only Node.js 20.19+ and npm are needed.
import { spawn } from 'node:child_process';
import { checkNodeVersion, pnpmCommand, runPnpm } from './pnpm.mjs';

checkNodeVersion();
process.env.TURBO_TELEMETRY_DISABLED = '1';
runPnpm(['install', '--frozen-lockfile', '--reporter=silent']);

const { command, prefix } = pnpmCommand();
const child = spawn(
  command,
  [...prefix, 'exec', 'tsx', 'scripts/dev.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
