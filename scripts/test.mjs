#!/usr/bin/env node
// `npm test`: the whole suite against a real PostgreSQL and a real Chromium. Checks both first
// and says in one line what to install; starts PostgreSQL when it is installed but stopped.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { checkNodeVersion, runPnpm } from './pnpm.mjs';

checkNodeVersion();

const databaseUrl = new URL(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);
const pgHost = databaseUrl.hostname;
const pgPort = Number(databaseUrl.port || 5432);

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function ensurePostgres() {
  if (await answers(pgHost, pgPort)) return;
  const clusters = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (clusters.length === 0) {
    fail(
      `PostgreSQL 15+ is needed on ${pgHost}:${pgPort} for the tests: install it with \`apt-get install -y postgresql\` (or set TEST_DATABASE_URL).`,
    );
  }
  spawnSync(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', clusters.sort().at(-1), 'main', 'start'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 30; i++) {
    if (await answers(pgHost, pgPort)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(
    `PostgreSQL is installed but did not start on ${pgHost}:${pgPort}: check \`pg_lsclusters\` and its log under /var/log/postgresql.`,
  );
}

function ensureChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    fail(
      'Chromium is needed for the browser tests: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  process.env.CHROMIUM_PATH = found;
}

function fail(line) {
  console.error(line);
  process.exit(1);
}

await ensurePostgres();
ensureChromium();
process.env.TEST_DATABASE_URL = databaseUrl.toString();
process.env.TURBO_TELEMETRY_DISABLED = '1';

runPnpm(['install', '--frozen-lockfile', '--reporter=silent']);
runPnpm(['exec', 'prettier', '--check', '.', '--log-level=warn']);
runPnpm(['exec', 'turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only']);
runPnpm(['exec', 'tsc', '-p', 'scripts/tsconfig.json']);
// One package at a time: the database and browser suites share one PostgreSQL and two cores.
runPnpm(['exec', 'turbo', 'run', 'test', '--concurrency=1', ...process.argv.slice(2)]);
