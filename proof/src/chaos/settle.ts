// After the last patient and admin action: how long until nothing is left pending, and whether
// that is within the bound the product promises (reconciliation, and the unsent-refund grace).
import type { Kysely } from 'kysely';
import { sql, type Database } from '@clinicpay/db';

export interface PendingCounts {
  /** Card payments Stripe knows about (a checkout session is attached) still pending. */
  payments: number;
  /** Holds whose checkout session was never attached (the request died between): released by hold expiry. */
  unattachedHolds: number;
  refunds: number;
  /** Stored events not yet applied (failed, or parked for an intent not known yet). */
  events: number;
}

export async function countPending(db: Kysely<Database>): Promise<PendingCounts> {
  const { rows } = await sql<PendingCounts>`
    select
      (select count(*)::int from payments where gateway = 'stripe' and status = 'pending' and checkout_session_id is not null) as payments,
      (select count(*)::int from payments p join appointments a on a.id = p.appointment_id
        where p.gateway = 'stripe' and p.status = 'pending' and p.checkout_session_id is null and a.status = 'pending_payment') as "unattachedHolds",
      (select count(*)::int from refunds where status = 'pending') as refunds,
      (select count(*)::int from stripe_events where processed_at is null) as events`.execute(db);
  return rows[0]!;
}

/** Polls until every pending count (but unattached holds) is zero, or the timeout passes. */
export async function waitUntilSettled(
  db: Kysely<Database>,
  timeoutMs: number,
): Promise<{ seconds: number; left: PendingCounts }> {
  const started = performance.now();
  let left = await countPending(db);
  while (
    left.payments + left.refunds + left.events > 0 &&
    performance.now() - started < timeoutMs
  ) {
    await new Promise((r) => setTimeout(r, 500));
    left = await countPending(db).catch(() => left);
  }
  return { seconds: (performance.now() - started) / 1000, left };
}

/** The events still unapplied, to say in a failed check what is stuck and why. */
export async function describeUnprocessedEvents(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('stripe_events')
    .select(['stripe_event_id', 'type', 'outcome', 'error', 'attempts'])
    .where('processed_at', 'is', null)
    .limit(5)
    .execute();
  return rows.map(
    (r) =>
      `${r.type} ${r.stripe_event_id}: ${r.outcome ?? 'not applied'}${r.error ? ` (${r.error})` : ''}, ${r.attempts} attempts`,
  );
}
