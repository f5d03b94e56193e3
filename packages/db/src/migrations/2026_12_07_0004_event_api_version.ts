// Each stored Stripe event's API version. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * Stripe renders an event at its webhook endpoint's API version, which may differ from the one
 * Clinicpay reads; Webhook health compares the newest event's version with the pinned one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stripe_events ADD COLUMN api_version text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE stripe_events DROP COLUMN api_version`.execute(db);
}
