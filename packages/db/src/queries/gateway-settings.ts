import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
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

/** The newest verified event of one mode (by the (livemode, received_at) index). */
export async function findLastStripeEvent(db: Kysely<Database>, livemode: boolean) {
  return db
    .selectFrom('stripe_events')
    .select(['stripe_event_id', 'type', 'received_at', 'processed_at', 'outcome', 'error'])
    .where('livemode', '=', livemode)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The newest refused webhook deliveries, and how many arrived since a time. */
export async function findSignatureFailures(
  db: Kysely<Database>,
  options: { limit: number; since: Date },
) {
  const [recent, counted] = await Promise.all([
    db
      .selectFrom('webhook_signature_failures')
      .select(['mode', 'reason', 'remote_address', 'received_at'])
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute(),
    db
      .selectFrom('webhook_signature_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('received_at', '>=', options.since)
      .executeTakeFirstOrThrow(),
  ]);
  return { recent, count: Number(counted.n) };
}

/** Services patients can book, with their prices: what the Stripe currency rule checks. */
export async function findActiveServicePrices(db: Kysely<Database>, clinicId: string) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'price_amount', 'price_currency'])
    .where('clinic_id', '=', clinicId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
}
