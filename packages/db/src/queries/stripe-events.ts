import type { Kysely } from 'kysely';
import type { JsonObject } from '../tables/column-types.js';
import type { Database } from '../schema.js';

export interface IncomingStripeEvent {
  /** Stripe's event id (evt_…). */
  id: string;
  type: string;
  livemode: boolean;
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
      payload: JSON.stringify(event.payload),
      received_at: event.receivedAt,
    })
    .onConflict((oc) => oc.column('stripe_event_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  // RETURNING yields no row when the conflict clause skipped the insert (both drivers agree).
  return inserted !== undefined;
}
