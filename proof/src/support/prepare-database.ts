import { loadConfig, migrateAndSeed, openRuntime } from '@clinicpay/api/runtime';
import type { SeedCredentials } from '@clinicpay/demo';
import { PROOF_APP_SECRET } from './api-replica.js';

/**
 * Migrates a database and seeds the demo clinic with credentials made for the run (the API runs in
 * production here, which refuses the published demo values).
 */
export async function prepareDatabase(
  databaseUrl: string,
  credentials: SeedCredentials,
): Promise<void> {
  const runtime = await openRuntime(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      APP_SECRET: PROOF_APP_SECRET,
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    await migrateAndSeed(runtime, credentials);
  } finally {
    await runtime.close();
  }
}
