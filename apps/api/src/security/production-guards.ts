import { DEMO_ADMIN, DEMO_KEYS } from '@clinicpay/demo';
import {
  findAdminUserByEmail,
  findStripeSettingsRow,
  gatewayModes,
  type Database,
  type GatewayMode,
  type Kysely,
  type StripeKeyColumn,
} from '@clinicpay/db';
import { verifyPassword } from './password.js';
import type { Config } from '../env.js';
import type { SecretBox } from './secret-box.js';
import { stripeSecretPurpose } from './secret-purposes.js';

type Deps = { db: Kysely<Database>; secretBox: SecretBox; config: Pick<Config, 'publicUrlGiven'> };

const FIX = 'Run `cli remove-demo-values`, then start again.';

/** The demo admin can still sign in with the password the README publishes. */
export async function demoAdminStillWorks(db: Kysely<Database>): Promise<boolean> {
  const admin = await findAdminUserByEmail(db, DEMO_ADMIN.email);
  return admin !== undefined && (await verifyPassword(admin.password_hash, DEMO_ADMIN.password));
}

export interface DemoStripeValue {
  mode: GatewayMode;
  column: StripeKeyColumn;
  label: string;
}

/** Which stored Stripe values are the published demo ones, by mode and setting. */
export async function storedDemoStripeValues(
  deps: Pick<Deps, 'db' | 'secretBox'>,
): Promise<DemoStripeValue[]> {
  const row = await findStripeSettingsRow(deps.db);
  if (!row) return [];
  const found: DemoStripeValue[] = [];
  for (const mode of gatewayModes) {
    const label = mode === 'test' ? 'Sandbox' : 'Live';
    const open = (value: string | null, field: 'secret_key' | 'webhook_secret') =>
      value ? deps.secretBox.decrypt(value, stripeSecretPurpose(mode, field)) : null;
    if (row[`${mode}_publishable_key`] === DEMO_KEYS.publishableKey)
      found.push({ mode, column: 'publishable_key', label: `the ${label} Publishable Key` });
    if (open(row[`${mode}_secret_key_encrypted`], 'secret_key') === DEMO_KEYS.secretKey)
      found.push({ mode, column: 'secret_key_encrypted', label: `the ${label} Secret API Key` });
    if (
      open(row[`${mode}_webhook_secret_encrypted`], 'webhook_secret') ===
      DEMO_KEYS.webhookSigningSecret
    )
      found.push({
        mode,
        column: 'webhook_secret_encrypted',
        label: `the ${label} Webhook Signing Secret`,
      });
  }
  return found;
}

/**
 * What stops a production start: the demo admin with its published password, or Stripe values
 * that anyone can read in the README (a published signing secret lets anyone confirm bookings).
 * No setting turns these checks off.
 */
export async function productionProblems(deps: Deps): Promise<string[]> {
  const problems: string[] = [];
  if (!deps.config.publicUrlGiven) {
    problems.push(
      "PUBLIC_URL is missing: set it to the address patients and Stripe reach the clinic at, e.g. https://book.clinic.example (Stripe's webhook URL and patients' links are made from it).",
    );
  }
  if (await demoAdminStillWorks(deps.db)) {
    problems.push(
      `The demo admin ${DEMO_ADMIN.email} still signs in with the published demo password: ${FIX}`,
    );
  }
  const demoValues = await storedDemoStripeValues(deps);
  if (demoValues.length > 0) {
    problems.push(
      `Payment Settings hold the public demo ${demoValues.map((v) => v.label).join(', ')}: ${FIX} Then enter your own keys under Payment Settings › Stripe.`,
    );
  }
  return problems;
}

/** Thrown at a production start that must not go on; the message lists what to fix. */
export class ProductionNotReadyError extends Error {
  readonly code = 'production_not_ready' as const;
  constructor(readonly problems: string[]) {
    super(
      `The API will not start in production yet:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ProductionNotReadyError';
  }
}

export async function assertProductionReady(deps: Deps): Promise<void> {
  const problems = await productionProblems(deps);
  if (problems.length > 0) throw new ProductionNotReadyError(problems);
}
