// A production start refuses, in sentences, what would make a real clinic unsafe: no PUBLIC_URL,
// the demo admin with its published password, Stripe values published in the README. Each refusal
// goes away once fixed the way its sentence says, and then the API starts.
import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_ADMIN } from '@clinicpay/demo';
import { createTestDatabase, type TestDatabase } from '@clinicpay/db/testing';
import { freePort } from '@clinicpay/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateAndSeed } from '../src/seed/migrate-and-seed.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { upsertAdmin } from '../src/seed/admin-users.js';

const run = promisify(execFile);
const apiRoot = resolve(import.meta.dirname, '..');
const APP_SECRET = 'guards-app-secret-of-at-least-32-chars';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // A database a demo was run on: the demo admin and the emulator's keys.
  await migrateAndSeed({ db: database.db, secretBox: createSecretBox(APP_SECRET) });
});
afterAll(async () => {
  await database?.drop();
});

/** Starts the API in production and answers how it ended: refused, or healthy (then stopped). */
async function startInProduction(env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: database.url,
      APP_SECRET,
      PUBLIC_URL: 'https://book.harbour-clinic.example',
      LOG_LEVEL: 'silent',
      SWEEP_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + 45_000;
  while (child.exitCode === null && Date.now() < deadline) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) {
      child.kill('SIGTERM');
      await exited;
      return { healthy: true, refused: false, stderr };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  if (child.exitCode === null) child.kill('SIGKILL');
  const code = await exited;
  return { healthy: false, refused: code === 1, stderr };
}

it('refuses to start without PUBLIC_URL, saying why', async () => {
  const result = await startInProduction({ PUBLIC_URL: '' });
  expect(result.refused).toBe(true);
  expect(result.stderr).toContain('PUBLIC_URL is missing: set it to the address');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

it('refuses the demo admin and the demo Stripe values, in one list', async () => {
  const result = await startInProduction();
  expect(result.refused).toBe(true);
  expect(result.stderr).toContain('The API will not start in production yet:');
  expect(result.stderr).toContain(
    `The demo admin ${DEMO_ADMIN.email} still signs in with the published demo password`,
  );
  expect(result.stderr).toContain(
    'Payment Settings hold the public demo the Sandbox Publishable Key, the Sandbox Secret API Key, the Sandbox Webhook Signing Secret',
  );
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

it('a new password for the demo admin clears that refusal; the Stripe one stays', async () => {
  await upsertAdmin(database.db, { email: DEMO_ADMIN.email, password: 'a password of our own' });
  const result = await startInProduction();
  expect(result.refused).toBe(true);
  expect(result.stderr).not.toContain('demo admin');
  expect(result.stderr).toContain('Payment Settings hold the public demo');
});

it('`cli remove-demo-values` forgets the demo keys, and the API starts', async () => {
  const cli = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'remove-demo-values'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.url,
      APP_SECRET,
      LOG_LEVEL: 'silent',
    },
  });
  expect(cli.stdout).toContain('Forgot the Sandbox Publishable Key');
  const stripe = await database.db
    .selectFrom('gateway_settings')
    .select(['enabled', 'test_publishable_key', 'test_secret_key_encrypted'])
    .where('gateway', '=', 'stripe')
    .executeTakeFirstOrThrow();
  expect(stripe).toEqual({
    enabled: false,
    test_publishable_key: null,
    test_secret_key_encrypted: null,
  });
  expect((await startInProduction()).healthy).toBe(true);
});
