import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRow } from '../schema.js';
import type { Gateway, GatewayMode } from '../statuses.js';

/** Both gateway rows of a clinic as stored (secrets still encrypted). */
export async function findGatewaySettingsRows(db: Kysely<Database>, clinicId: string) {
  return db
    .selectFrom('gateway_settings')
    .select([
      'gateway',
      'enabled',
      'mode',
      'currency',
      'failure_policy',
      'test_publishable_key',
      'test_secret_key_encrypted',
      'test_webhook_secret_encrypted',
      'live_publishable_key',
      'live_secret_key_encrypted',
      'live_webhook_secret_encrypted',
      'test_refusal',
      'test_refused_at',
      'live_refusal',
      'live_refused_at',
      'updated_at',
      'updated_by',
    ])
    .where('clinic_id', '=', clinicId)
    .execute();
}

export interface StripeSettingsWrite {
  enabled: boolean;
  mode: GatewayMode;
  /** ISO 4217, uppercase as stored. */
  currency: string;
  failurePolicy: 'cancel' | 'retry';
  /** Only the given mode's columns change; undefined keeps what is stored. */
  keys: {
    mode: GatewayMode;
    publishableKey?: string;
    secretKeyEncrypted?: string;
    webhookSecretEncrypted?: string;
  };
  updatedBy: string;
  at: Date;
}

/** Creates or updates the Stripe row; the other mode's key set is never touched. */
export async function upsertStripeSettings(
  db: Kysely<Database>,
  clinicId: string,
  write: StripeSettingsWrite,
): Promise<void> {
  const { mode } = write.keys;
  const keyColumns = {
    ...(write.keys.publishableKey !== undefined
      ? { [`${mode}_publishable_key`]: write.keys.publishableKey }
      : {}),
    ...(write.keys.secretKeyEncrypted !== undefined
      ? { [`${mode}_secret_key_encrypted`]: write.keys.secretKeyEncrypted }
      : {}),
    ...(write.keys.webhookSecretEncrypted !== undefined
      ? { [`${mode}_webhook_secret_encrypted`]: write.keys.webhookSecretEncrypted }
      : {}),
  } as Partial<
    Record<
      `${GatewayMode}_${'publishable_key' | 'secret_key_encrypted' | 'webhook_secret_encrypted'}`,
      string
    >
  >;
  const values = {
    enabled: write.enabled,
    mode: write.mode,
    currency: write.currency,
    failure_policy: write.failurePolicy,
    ...keyColumns,
    // Saved again (checked with Stripe first): an earlier refusal no longer says anything.
    [`${mode}_refusal`]: null,
    [`${mode}_refused_at`]: null,
    [`${mode}_refused_call`]: null,
    updated_at: write.at,
    updated_by: write.updatedBy,
  };
  await db
    .insertInto('gateway_settings')
    .values({ clinic_id: clinicId, gateway: 'stripe', ...values })
    .onConflict((oc) => oc.columns(['clinic_id', 'gateway']).doUpdateSet(values))
    .execute();
}

/** Turns a gateway on or off. Pay at clinic's row is created on first use; Stripe's must exist. */
export async function setGatewayEnabled(
  db: Kysely<Database>,
  clinicId: string,
  change: { gateway: Gateway; enabled: boolean; updatedBy: string; at: Date },
): Promise<boolean> {
  const set = { enabled: change.enabled, updated_at: change.at, updated_by: change.updatedBy };
  if (change.gateway === 'pay_at_clinic') {
    await db
      .insertInto('gateway_settings')
      .values({ clinic_id: clinicId, gateway: 'pay_at_clinic', ...set })
      .onConflict((oc) => oc.columns(['clinic_id', 'gateway']).doUpdateSet(set))
      .execute();
    return true;
  }
  const updated = await db
    .updateTable('gateway_settings')
    .set(set)
    .where('clinic_id', '=', clinicId)
    .where('gateway', '=', change.gateway)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/**
 * The Stripe row of the given clinic, or of this deployment's clinic (the oldest, as findClinic)
 * in the same query. Secrets still encrypted.
 */
export async function findStripeSettingsRow(db: Kysely<Database>, clinicId?: string) {
  const clinic = clinicId
    ? db.selectFrom('clinics').select('id').where('id', '=', clinicId)
    : db.selectFrom('clinics').select('id').orderBy('created_at').orderBy('id').limit(1);
  return db
    .selectFrom('gateway_settings')
    .selectAll()
    .where('clinic_id', '=', (eb) => eb.selectFrom(clinic.as('c')).select('c.id'))
    .where('gateway', '=', 'stripe')
    .executeTakeFirst();
}

export async function isPayAtClinicEnabled(
  db: Kysely<Database>,
  clinicId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('gateway_settings')
    .select('enabled')
    .where('clinic_id', '=', clinicId)
    .where('gateway', '=', 'pay_at_clinic')
    .executeTakeFirst();
  return row?.enabled ?? false;
}

/** Every stored Stripe secret, encrypted, to prove at start that APP_SECRET opens them. */
export async function findEncryptedStripeSecrets(db: Kysely<Database>) {
  return db
    .selectFrom('gateway_settings')
    .select([
      'test_secret_key_encrypted',
      'test_webhook_secret_encrypted',
      'live_secret_key_encrypted',
      'live_webhook_secret_encrypted',
    ])
    .where('gateway', '=', 'stripe')
    .execute();
}

/** Adds gateway rows unless the clinic has them (a seed keeps what an admin changed since). */
export async function insertGatewaySettingsIfMissing(
  trx: Transaction<Database>,
  rows: readonly NewRow<'gateway_settings'>[],
): Promise<void> {
  await trx
    .insertInto('gateway_settings')
    .values([...rows])
    .onConflict((oc) => oc.columns(['clinic_id', 'gateway']).doNothing())
    .execute();
}

/** The clinic's currency changed: Stripe's settings charge in it too. */
export async function setStripeCurrency(
  trx: Transaction<Database>,
  clinicId: string,
  currency: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('gateway_settings')
    .set({ currency, updated_at: at })
    .where('clinic_id', '=', clinicId)
    .where('gateway', '=', 'stripe')
    .execute();
}

/** One mode's stored Stripe credentials, by column (the secret ones encrypted). */
export type StripeKeyColumn =
  'publishable_key' | 'secret_key_encrypted' | 'webhook_secret_encrypted';

/**
 * Forgets stored Stripe credentials (the public demo ones, say). Stripe is switched off with them:
 * a mode without its keys cannot take payments, and an admin enters new ones and turns it on again.
 */
export async function clearStripeKeys(
  db: Kysely<Database>,
  clinicId: string,
  keys: readonly { mode: GatewayMode; column: StripeKeyColumn }[],
  at: Date,
): Promise<void> {
  if (keys.length === 0) return;
  const cleared = Object.fromEntries(keys.map((k) => [`${k.mode}_${k.column}`, null]));
  await db
    .updateTable('gateway_settings')
    .set({ ...cleared, enabled: false, updated_at: at, updated_by: 'cli' })
    .where('clinic_id', '=', clinicId)
    .where('gateway', '=', 'stripe')
    .execute();
}

/** Keeps Stripe's refusal of a mode's saved key, for the admin. */
export async function recordStripeRefusal(
  db: Kysely<Database>,
  clinicId: string,
  refusal: { mode: GatewayMode; message: string; call: string; at: Date },
): Promise<void> {
  await db
    .updateTable('gateway_settings')
    .set({
      [`${refusal.mode}_refusal`]: refusal.message,
      [`${refusal.mode}_refused_at`]: refusal.at,
      [`${refusal.mode}_refused_call`]: refusal.call,
    })
    .where('clinic_id', '=', clinicId)
    .where('gateway', '=', 'stripe')
    .execute();
}

/** Stripe accepted the call it had refused with the mode's key. True when there was one to clear. */
export async function clearStripeRefusal(
  db: Kysely<Database>,
  clinicId: string,
  accepted: { mode: GatewayMode; call: string },
): Promise<boolean> {
  const { mode, call } = accepted;
  const cleared = await db
    .updateTable('gateway_settings')
    .set({
      [`${mode}_refusal`]: null,
      [`${mode}_refused_at`]: null,
      [`${mode}_refused_call`]: null,
    })
    .where('clinic_id', '=', clinicId)
    .where('gateway', '=', 'stripe')
    .where(`${mode}_refused_call`, '=', call)
    .executeTakeFirst();
  return cleared.numUpdatedRows > 0n;
}
