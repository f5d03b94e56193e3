// The production build (build.ts): the bundled server starts on embedded PGlite and answers its
// health check, and the bundled CLI migrates a real PostgreSQL database, both without tsx.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase } from '@clinicpay/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApi } from '../build.js';

// Inside this package, as dist/ is, so the external dependencies resolve from its node_modules.
const outdir = resolve(import.meta.dirname, `../dist/test-build-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'clinicpay-built-'));
let built: { main: string; cli: string };

beforeAll(async () => {
  built = await buildApi(outdir);
}, 60_000);
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

it('the bundled server starts on embedded PGlite and answers its health check', async () => {
  const child = spawn(process.execPath, [built.main], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', SWEEP_INTERVAL_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no "Server listening" line in 30 s:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Server listening at (http:\/\/[^"\s]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
  } finally {
    child.kill('SIGTERM');
  }
});

it('the bundled CLI migrates a PostgreSQL database', async () => {
  const database = await createTestDatabase({ migrated: false });
  try {
    const result = spawnSync(process.execPath, [built.cli, 'migrate'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, APP_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Applied \d+ migration\(s\): 2026_11_26_0001_catalogue/);
    expect(result.status).toBe(0);
  } finally {
    await database.drop();
  }
});
