// Starts the API in its own process over a fresh, migrated and seeded database, as production
// runs it, so a benchmark's load generator does not share the API's event loop.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestDatabase, relaxContactCapForTests } from '@clinicpay/db/testing';
import { migrateAndSeed } from '../src/seed/migrate-and-seed.js';
import { runCredentials } from '../src/testing.js';
import type { SeedCredentials } from '@clinicpay/demo';
import { createSecretBox } from '../src/security/secret-box.js';
import { freePort, waitForApi } from '@clinicpay/testing';
import { BENCH_APP_SECRET, productionEnv } from './production-env.js';

export async function startApiProcess(
  env: Record<string, string> = {},
  credentials: SeedCredentials = runCredentials(),
) {
  const database = await createTestDatabase({ maxConnections: 4 });
  // Production refuses the published demo values: the run seeds its own.
  await migrateAndSeed(
    { db: database.db, secretBox: createSecretBox(BENCH_APP_SECRET) },
    credentials,
  );
  // The booking benchmarks book one phone number hundreds of times.
  await relaxContactCapForTests(database.db);
  const port = await freePort();
  // API_NODE_ARGS, e.g. "--cpu-prof", profiles the API process.
  const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: resolve(import.meta.dirname, '..'),
    env: { ...productionEnv(database.url, port), ...env },
    stdio: 'inherit',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForApi(child, url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url,
    credentials,
    db: database.db,
    databaseUrl: database.url,
    databasePoolSize: 10,
    async stop() {
      if (child.exitCode === null) {
        process.kill(-child.pid!, 'SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await database.drop();
    },
  };
}
