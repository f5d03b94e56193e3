// Stripe's last refusal of each mode's key. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * A key that worked when it was saved can stop working (rolled, revoked, a right taken away).
 * Stripe's refusal is kept on the gateway, per mode, so the admin sees it on the settings page
 * instead of only in the logs; a save of that mode's keys, or the same call succeeding later
 * (`*_refused_call`: a restricted key may lack one right and have the others), clears it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE gateway_settings
      ADD COLUMN test_refusal text,
      ADD COLUMN test_refused_at timestamptz,
      ADD COLUMN test_refused_call text,
      ADD COLUMN live_refusal text,
      ADD COLUMN live_refused_at timestamptz,
      ADD COLUMN live_refused_call text
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE gateway_settings
      DROP COLUMN test_refusal,
      DROP COLUMN test_refused_at,
      DROP COLUMN test_refused_call,
      DROP COLUMN live_refusal,
      DROP COLUMN live_refused_at,
      DROP COLUMN live_refused_call
  `.execute(db);
}
