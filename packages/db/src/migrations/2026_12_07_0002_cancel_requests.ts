// A cancel asked for but not yet carried out. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * Cancelling an unpaid booking expires its checkout at Stripe first, and Stripe then sends
 * checkout.session.expired. No row lock is held across that call any more: the booking records
 * who asked to cancel, so whichever comes first (the event or the cancel's own step) cancels it
 * with the reason of the person who asked, not as a lapsed checkout.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE appointments ADD COLUMN cancel_requested_reason text`.execute(db);
  await sql`ALTER TABLE appointments ADD COLUMN cancel_requested_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE appointments DROP COLUMN cancel_requested_at`.execute(db);
  await sql`ALTER TABLE appointments DROP COLUMN cancel_requested_reason`.execute(db);
}
