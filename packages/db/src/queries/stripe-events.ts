import { sql, type Kysely, type Transaction } from 'kysely';
import type { JsonObject } from '../tables/column-types.js';
import type { Database } from '../schema.js';

export interface IncomingStripeEvent {
  /** Stripe's event id (evt_…). */
  id: string;
  type: string;
  livemode: boolean;
  /** The API version Stripe rendered it at. */
  apiVersion?: string | null;
  /** The verified event as Stripe sent it. */
  payload: JsonObject;
  /** The injected clock's now. */
  receivedAt: Date;
}

/**
 * Stores a verified event in the inbox before anything else happens. Returns false for an id
 * already stored (a redelivery): the insert does nothing, and the caller decides from the stored
 * row's processed_at whether there is still work to do.
 */
export async function insertStripeEvent(
  db: Kysely<Database>,
  event: IncomingStripeEvent,
): Promise<boolean> {
  const inserted = await db
    .insertInto('stripe_events')
    .values({
      stripe_event_id: event.id,
      type: event.type,
      livemode: event.livemode,
      api_version: event.apiVersion ?? null,
      payload: JSON.stringify(event.payload),
      received_at: event.receivedAt,
    })
    .onConflict((oc) => oc.column('stripe_event_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  // RETURNING yields no row when the conflict clause skipped the insert (both drivers agree).
  return inserted !== undefined;
}

/** The stored copy of an event, to compare a redelivery with and to take its effect from. */
export async function findStoredStripeEvent(db: Kysely<Database>, stripeEventId: string) {
  return db
    .selectFrom('stripe_events')
    .select(['type', 'livemode', 'payload'])
    .where('stripe_event_id', '=', stripeEventId)
    .executeTakeFirst();
}

/**
 * An event that names a payment intent no payment has learned yet is parked under this outcome
 * (stored, not processed) and replayed when a payment learns the intent.
 */
export const PARKED_OUTCOME = 'unmatched';

/** Locks a stored event before its effect is applied: concurrent deliveries queue here. */
export async function lockStripeEvent(trx: Transaction<Database>, stripeEventId: string) {
  return trx
    .selectFrom('stripe_events')
    .select(['id', 'livemode', 'processed_at', 'outcome'])
    .where('stripe_event_id', '=', stripeEventId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Marks a locked event processed with its outcome, or parked (left unprocessed) to be replayed. */
export async function markStripeEventApplied(
  trx: Transaction<Database>,
  eventRowId: string,
  result: { outcome: string; parked: boolean; at: Date },
): Promise<void> {
  await trx
    .updateTable('stripe_events')
    .set((eb) => ({
      processed_at: result.parked ? null : result.at,
      outcome: result.parked ? PARKED_OUTCOME : result.outcome,
      error: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', eventRowId)
    .where('processed_at', 'is', null)
    .execute();
}

/** Why an event could not be applied, for the webhook log; it stays unprocessed for a retry. */
export async function recordStripeEventError(
  db: Kysely<Database>,
  stripeEventId: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('stripe_events')
    .set((eb) => ({ error: error.slice(0, 500), attempts: eb('attempts', '+', 1) }))
    .where('stripe_event_id', '=', stripeEventId)
    .where('processed_at', 'is', null)
    .execute();
}

/** Parked events received before `before` are not ours after all: closed as such. */
export async function closeParkedEventsBefore(
  db: Kysely<Database>,
  before: Date,
  at: Date,
): Promise<void> {
  await db
    .updateTable('stripe_events')
    .set({ processed_at: at, outcome: 'not_ours' })
    .where('processed_at', 'is', null)
    .where('outcome', '=', PARKED_OUTCOME)
    .where('received_at', '<=', before)
    .execute();
}

/** Unprocessed events received before `before`: stranded ones (a crash, a 500) or parked ones. */
export async function findUnprocessedEvents(
  db: Kysely<Database>,
  options: { parked: boolean; before: Date; limit: number },
) {
  const query = db
    .selectFrom('stripe_events')
    .select(['stripe_event_id', 'payload'])
    .where('processed_at', 'is', null)
    .where('received_at', '<=', options.before);
  return (
    options.parked
      ? query.where('outcome', '=', PARKED_OUTCOME).orderBy('attempts').orderBy('received_at')
      : query
          .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '<>', PARKED_OUTCOME)]))
          .orderBy('received_at')
  )
    .limit(options.limit)
    .execute();
}

/**
 * Serialises parking an event for an intent with a payment learning that intent (until the
 * transaction ends): without it, an event could look for its payment just before the payment's
 * transaction commits the intent id, and be parked just after that transaction looked for parked
 * events.
 */
export async function lockParkedIntent(
  trx: Transaction<Database>,
  paymentIntentId: string,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`parked:${paymentIntentId}`}, 0))`.execute(
    trx,
  );
}

/** Parked events of one mode about an intent, oldest first, skipping any another retry holds. */
export async function lockParkedEventsFor(
  trx: Transaction<Database>,
  paymentIntentId: string,
  livemode: boolean,
) {
  return (
    trx
      .selectFrom('stripe_events')
      .select(['id', 'stripe_event_id', 'payload'])
      .where('outcome', '=', PARKED_OUTCOME)
      .where('processed_at', 'is', null)
      .where('livemode', '=', livemode)
      .where(sql<string>`payload #>> '{data,object,payment_intent}'`, '=', paymentIntentId)
      .orderBy('received_at')
      // A parked event locked by its own retry (a delivery, the sweeper, an admin replay) waits
      // for the intent lock this transaction holds: waiting for its row would deadlock. Skipped,
      // it looks again once this commits, and finds the intent id.
      .forUpdate()
      .skipLocked()
      .execute()
  );
}

export async function markStripeEventProcessed(
  trx: Transaction<Database>,
  eventRowId: string,
  outcome: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('stripe_events')
    .set({ processed_at: at, outcome })
    .where('id', '=', eventRowId)
    .execute();
}

/** The newest verified event of one mode (by the (livemode, received_at) index). */
export async function findLastStripeEvent(db: Kysely<Database>, livemode: boolean) {
  return db
    .selectFrom('stripe_events')
    .select([
      'stripe_event_id',
      'type',
      'api_version',
      'received_at',
      'processed_at',
      'outcome',
      'error',
    ])
    .where('livemode', '=', livemode)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
