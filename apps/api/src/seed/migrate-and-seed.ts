import { migrateToLatest } from '@clinicpay/db';
import type { Runtime } from '../bootstrap.js';
import { verifyStoredSecrets } from '../security/verify-stored-secrets.js';
import { seedDemoClinic } from './demo-clinic.seed.js';

/** For the embedded start and tests: schema up to date, demo clinic present, secrets readable. */
export async function migrateAndSeed(runtime: Pick<Runtime, 'db' | 'secretBox'>): Promise<void> {
  await migrateToLatest(runtime.db);
  // Checked before seeding: a different APP_SECRET must stop the start, not add rows beside
  // secrets nobody can read.
  await verifyStoredSecrets(runtime);
  await seedDemoClinic(runtime);
}
