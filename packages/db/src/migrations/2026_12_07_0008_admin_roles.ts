// Roles for the admin team, the one-time links that bring people in, and where each session and
// audited action came from. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * Every admin has a role: Owner, Manager or Front desk (contracts' ADMIN_ROLES says what each may
 * do). The admins there were until now could do everything, so they become Owners.
 *
 * `admin_links` holds the single-use links an Owner sends: an invitation (an e-mail address and
 * the role it will have) and a password reset (for one admin). Only the token's hash is kept, as
 * for sessions; `used_at` is set by the statement that uses the link, so it works once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE admin_users
      ADD COLUMN role text NOT NULL DEFAULT 'owner'
        CHECK (role IN ('owner', 'manager', 'front_desk'))
  `.execute(db);
  await sql`
    CREATE TABLE admin_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
      token_hash text NOT NULL UNIQUE,
      email text NOT NULL,
      role text CHECK (role IN ('owner', 'manager', 'front_desk')),
      admin_user_id uuid REFERENCES admin_users (id) ON DELETE CASCADE,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      CHECK ((purpose = 'invitation') = (role IS NOT NULL)),
      CHECK ((purpose = 'password_reset') = (admin_user_id IS NOT NULL))
    )
  `.execute(db);
  // Each admin sees their signed-in devices (browser, address) and the audit log names the address.
  await sql`ALTER TABLE admin_sessions ADD COLUMN ip text, ADD COLUMN user_agent text`.execute(db);
  await sql`ALTER TABLE audit_log ADD COLUMN ip text`.execute(db);
  await sql`CREATE INDEX admin_links_open_idx ON admin_links (purpose, expires_at) WHERE used_at IS NULL AND revoked_at IS NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE audit_log DROP COLUMN ip`.execute(db);
  await sql`ALTER TABLE admin_sessions DROP COLUMN ip, DROP COLUMN user_agent`.execute(db);
  await sql`DROP TABLE admin_links`.execute(db);
  await sql`ALTER TABLE admin_users DROP COLUMN role`.execute(db);
}
