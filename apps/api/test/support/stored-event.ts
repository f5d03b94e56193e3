// Events written straight to the inbox, for tests of what happens to an event the webhook route
// stored but did not finish: a crash in between, or an effect that failed.
import type { Database, Insertable, Kysely } from '@clinicpay/db';

export function storeUnprocessedEvent(
  db: Kysely<Database>,
  event: { id: string; type: string },
  columns: Partial<Insertable<Database['stripe_events']>> = {},
) {
  return db
    .insertInto('stripe_events')
    .values({
      stripe_event_id: event.id,
      type: event.type,
      livemode: false,
      payload: JSON.stringify(event),
      ...columns,
    })
    .execute();
}
