import { seedDatabase } from '@clinicpay/api/testing';
import type { SeedCredentials } from '@clinicpay/demo';
import { PROOF_APP_SECRET } from './api-replica.js';

/**
 * Migrates a database and seeds the demo clinic with credentials made for the run (the API runs in
 * production here, which refuses the published demo values).
 */
export function prepareDatabase(databaseUrl: string, credentials: SeedCredentials): Promise<void> {
  return seedDatabase(databaseUrl, PROOF_APP_SECRET, credentials);
}
