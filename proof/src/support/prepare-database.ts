import { loadConfig, migrateAndSeed, openRuntime } from '@clinicpay/api/runtime';
import { PROOF_APP_SECRET } from './api-replica.js';

/** Migrates a database and seeds the demo clinic (Stripe enabled with the emulator's demo keys). */
export async function prepareDatabase(databaseUrl: string): Promise<void> {
  const runtime = await openRuntime(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      APP_SECRET: PROOF_APP_SECRET,
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    await migrateAndSeed(runtime);
  } finally {
    await runtime.close();
  }
}
