import type { SeedCredentials } from '@clinicpay/demo';
import { isInstallationEmpty, migrateToLatest } from '@clinicpay/db';
import type { Runtime } from '../bootstrap.js';
import { verifyStoredSecrets } from '../security/verify-stored-secrets.js';
import { seedDemoClinic } from './demo-clinic.seed.js';

/**
 * For tests, benchmarks and the proof: schema up to date, demo clinic present, secrets readable.
 * Runs that start the API in production seed credentials made for the run (the demo's are refused).
 */
export async function migrateAndSeed(
  runtime: Pick<Runtime, 'db' | 'secretBox'>,
  credentials?: SeedCredentials,
): Promise<void> {
  await migrateToLatest(runtime.db);
  // Checked before seeding: a different APP_SECRET must stop the start, not add rows beside
  // secrets nobody can read.
  await verifyStoredSecrets(runtime);
  await seedDemoClinic(runtime, credentials);
}

/**
 * For `npm start`: the schema up to date, and the demo clinic only on a database nobody has set up
 * (no clinic, no admin), never in production. Answers whether it seeded.
 */
export async function migrateAndSeedIfEmpty(
  runtime: Pick<Runtime, 'db' | 'secretBox' | 'config'>,
): Promise<boolean> {
  await migrateToLatest(runtime.db);
  await verifyStoredSecrets(runtime);
  if (runtime.config.nodeEnv === 'production' || !(await isInstallationEmpty(runtime.db)))
    return false;
  await seedDemoClinic(runtime);
  return true;
}
