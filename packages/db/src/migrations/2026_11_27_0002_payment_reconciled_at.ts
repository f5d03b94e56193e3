// When reconciliation last asked Stripe about a pending payment. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * Reconciliation checks a batch of pending card payments per sweep. Taken oldest first, the same
 * batch came back every sweep while more than a batch of checkouts stayed open, and a newer
 * payment whose webhook was lost was never looked at. Taken least recently checked first, every
 * pending payment is looked at in turn.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE payments ADD COLUMN reconciled_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE payments DROP COLUMN reconciled_at`.execute(db);
}
