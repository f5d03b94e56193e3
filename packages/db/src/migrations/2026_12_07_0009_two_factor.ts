// Two-factor sign-in for admins and the re-confirmation of risky actions. Frozen in time: never
// edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * An admin's TOTP secret is stored sealed by the API's secret box (like Stripe's keys): while they
 * enrol it waits in `totp_pending_encrypted`, and moves to `totp_secret_encrypted` with the first
 * good code. `totp_last_step` is the last 30-second step a code was accepted for, so a code seen
 * over someone's shoulder cannot be used twice.
 *
 * Recovery codes are stored as SHA-256 hashes (they are random, like session tokens); `used_at`
 * is set by the statement that uses one, so each works once.
 *
 * `admin_sessions.confirmed_at` is when the admin last typed their password or a code in this
 * session: changing Stripe keys, managing admins and refunds need it within the last 10 minutes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE admin_users
      ADD COLUMN totp_secret_encrypted text,
      ADD COLUMN totp_pending_encrypted text,
      ADD COLUMN totp_enabled_at timestamptz,
      ADD COLUMN totp_last_step bigint,
      ADD CHECK ((totp_secret_encrypted IS NULL) = (totp_enabled_at IS NULL))
  `.execute(db);
  await sql`
    CREATE TABLE admin_recovery_codes (
      admin_user_id uuid NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      PRIMARY KEY (admin_user_id, code_hash)
    )
  `.execute(db);
  await sql`
    ALTER TABLE admin_sessions ADD COLUMN confirmed_at timestamptz NOT NULL DEFAULT now()
  `.execute(db);
  await sql`
    ALTER TABLE clinics ADD COLUMN admin_two_factor_required boolean NOT NULL DEFAULT false
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE clinics DROP COLUMN admin_two_factor_required`.execute(db);
  await sql`ALTER TABLE admin_sessions DROP COLUMN confirmed_at`.execute(db);
  await sql`DROP TABLE admin_recovery_codes`.execute(db);
  await sql`
    ALTER TABLE admin_users
      DROP COLUMN totp_secret_encrypted,
      DROP COLUMN totp_pending_encrypted,
      DROP COLUMN totp_enabled_at,
      DROP COLUMN totp_last_step
  `.execute(db);
}
