// What `npm start` does to a database: the demo clinic only on one nobody has set up, never in
// production; and one warning line when a PostgreSQL database runs without NODE_ENV.
import { Writable } from 'node:stream';
import { createTestDatabase } from '@clinicpay/db/testing';
import { expect, it } from 'vitest';
import { openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { upsertAdmin } from '../src/seed/admin-users.js';
import { migrateAndSeedIfEmpty } from '../src/seed/migrate-and-seed.js';

const APP_SECRET = 'start-app-secret-of-at-least-32-chars';

async function withRuntime<T>(
  env: Record<string, string>,
  use: (lines: string[], runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>,
  migrated = false,
) {
  const database = await createTestDatabase({ migrated });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const config = loadConfig({ DATABASE_URL: database.url, APP_SECRET, LOG_LEVEL: 'warn', ...env });
  const runtime = await openRuntime(config, {
    logger: createLogger({ level: config.logLevel, destination }),
  });
  try {
    return await use(lines, runtime);
  } finally {
    await runtime.close();
    await database.drop();
  }
}

const clinics = (runtime: Awaited<ReturnType<typeof openRuntime>>) =>
  runtime.db.selectFrom('clinics').select('name').execute();

it('seeds the demo clinic on an empty database, and not on one with data', async () => {
  await withRuntime({ NODE_ENV: 'development' }, async (_lines, runtime) => {
    expect(await migrateAndSeedIfEmpty(runtime)).toBe(true);
    expect(await clinics(runtime)).toHaveLength(1);
    expect(await migrateAndSeedIfEmpty(runtime)).toBe(false);
  });
  // An admin made with `cli create-admin` and no clinic yet: a real clinic's first run.
  await withRuntime(
    { NODE_ENV: 'development' },
    async (_lines, runtime) => {
      await upsertAdmin(runtime.db, {
        email: 'owner@clinic.example',
        password: 'an owner password',
      });
      expect(await migrateAndSeedIfEmpty(runtime)).toBe(false);
      expect(await clinics(runtime)).toEqual([]);
    },
    true,
  );
});

it('never seeds in production', async () => {
  await withRuntime(
    { NODE_ENV: 'production', PUBLIC_URL: 'https://book.clinic.example' },
    async (_lines, runtime) => {
      expect(await migrateAndSeedIfEmpty(runtime)).toBe(false);
      expect(await clinics(runtime)).toEqual([]);
    },
  );
});

it('warns once that development settings are in force without NODE_ENV on PostgreSQL', async () => {
  await withRuntime({}, (lines) => {
    const warnings = lines.filter((line) => line.includes('NODE_ENV is not set'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('development settings are in force');
    return Promise.resolve();
  });
  await withRuntime({ NODE_ENV: 'development' }, (lines) => {
    expect(lines.filter((line) => line.includes('NODE_ENV is not set'))).toEqual([]);
    return Promise.resolve();
  });
});
