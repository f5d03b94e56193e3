import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { keysetPage, type KeysetPageRequest } from './keyset-page.js';

export interface StripeEventFilter {
  type?: string | undefined;
  livemode?: boolean | undefined;
  state?: 'processed' | 'failed' | 'unprocessed' | undefined;
}

/** The webhook log, newest first, in keyset pages (received_at as text keeps microseconds). */
export async function listStripeEventsPage(
  db: Kysely<Database>,
  request: Omit<KeysetPageRequest, 'direction'> & { filter: StripeEventFilter },
) {
  const { filter } = request;
  let query = db.selectFrom('stripe_events as e');
  if (filter.type) query = query.where('e.type', '=', filter.type);
  if (filter.livemode !== undefined) query = query.where('e.livemode', '=', filter.livemode);
  if (filter.state === 'processed') query = query.where('e.processed_at', 'is not', null);
  if (filter.state === 'failed')
    query = query.where('e.processed_at', 'is', null).where('e.error', 'is not', null);
  if (filter.state === 'unprocessed') query = query.where('e.processed_at', 'is', null);
  return keysetPage(query, { sort: 'e.received_at', id: 'e.id' }, { ...request, direction: 'desc' })
    .select([
      'e.id',
      'e.stripe_event_id',
      'e.type',
      'e.livemode',
      'e.received_at',
      'e.processed_at',
      'e.outcome',
      'e.error',
      'e.attempts',
      sql<string>`e.received_at::text`.as('received_at_key'),
      sql<string | null>`e.payload #>> '{data,object,id}'`.as('object_id'),
      sql<string | null>`e.payload #>> '{data,object,metadata,payment_id}'`.as('payment_id'),
    ])
    .execute();
}

export type StripeEventRow = Awaited<ReturnType<typeof listStripeEventsPage>>[number];

export async function findStripeEventById(db: Kysely<Database>, stripeEventId: string) {
  return db
    .selectFrom('stripe_events')
    .select([
      'id',
      'stripe_event_id',
      'type',
      'livemode',
      'payload',
      'received_at',
      'processed_at',
      'outcome',
      'error',
      'attempts',
    ])
    .where('stripe_event_id', '=', stripeEventId)
    .executeTakeFirst();
}
