import { DEMO_ADMIN } from '@clinicpay/demo';
import {
  clearStripeKeys,
  deleteAdminUser,
  findAdminUserByEmail,
  findClinic,
  type Database,
  type Kysely,
} from '@clinicpay/db';
import type { SecretBox } from '../security/secret-box.js';
import { demoAdminStillWorks, storedDemoStripeValues } from '../security/production-guards.js';

/**
 * `cli remove-demo-values`: what a production start refuses, removed. The demo admin goes while
 * it still signs in with the published password; stored Stripe values equal to the published demo
 * ones are forgotten, and Stripe is switched off until an admin enters the clinic's own.
 */
export async function removeDemoValues(
  deps: { db: Kysely<Database>; secretBox: SecretBox },
  at: Date,
): Promise<string[]> {
  const done: string[] = [];
  if (await demoAdminStillWorks(deps.db)) {
    const admin = await findAdminUserByEmail(deps.db, DEMO_ADMIN.email);
    if (admin) await deleteAdminUser(deps.db, admin.id);
    done.push(`Removed the demo admin ${DEMO_ADMIN.email}.`);
  }
  const demoValues = await storedDemoStripeValues(deps);
  const clinic = await findClinic(deps.db);
  if (clinic && demoValues.length > 0) {
    await clearStripeKeys(deps.db, clinic.id, demoValues, at);
    done.push(
      `Forgot ${demoValues.map((v) => v.label).join(', ')} and switched Stripe off; enter your own keys under Payment Settings › Stripe.`,
    );
  }
  return done;
}
