// Gateway settings, admin users and sessions, rate limits, audit log. Frozen in time.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One typed row per gateway per clinic rather than a jsonb bag: the CHECKs below keep the
  // stripe-only columns empty for pay_at_clinic and complete for stripe. Secrets are stored as the
  // text of their AES-256-GCM envelope, never in clear.
  await sql`
    CREATE TABLE gateway_settings (
      clinic_id uuid NOT NULL REFERENCES clinics (id),
      gateway text NOT NULL CHECK (gateway IN ('stripe', 'pay_at_clinic')),
      enabled boolean NOT NULL DEFAULT false,
      mode text CHECK (mode IN ('test', 'live')),
      currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
      failure_policy text CHECK (failure_policy IN ('cancel', 'retry')),
      test_publishable_key text,
      test_secret_key_encrypted text,
      test_webhook_secret_encrypted text,
      live_publishable_key text,
      live_secret_key_encrypted text,
      live_webhook_secret_encrypted text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text,
      PRIMARY KEY (clinic_id, gateway),
      CONSTRAINT gateway_settings_stripe_complete CHECK (
        gateway <> 'stripe' OR (mode IS NOT NULL AND currency IS NOT NULL AND failure_policy IS NOT NULL)
      ),
      CONSTRAINT gateway_settings_pay_at_clinic_bare CHECK (
        gateway <> 'pay_at_clinic' OR num_nonnulls(
          mode, currency, failure_policy, test_publishable_key, test_secret_key_encrypted,
          test_webhook_secret_encrypted, live_publishable_key, live_secret_key_encrypted,
          live_webhook_secret_encrypted
        ) = 0
      )
    )`.execute(db);

  await sql`
    CREATE TABLE admin_users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email <> ''),
      password_hash text NOT NULL,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Case-insensitive uniqueness without the citext extension (which PGlite would have to load too).
  await sql`CREATE UNIQUE INDEX admin_users_email_key ON admin_users (lower(email))`.execute(db);

  await sql`
    CREATE TABLE admin_sessions (
      token_hash text PRIMARY KEY,
      admin_user_id uuid NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX admin_sessions_user_idx ON admin_sessions (admin_user_id)`.execute(db);
  await sql`CREATE INDEX admin_sessions_expires_idx ON admin_sessions (expires_at)`.execute(db);

  // Fixed windows: upsert (key, window_start) and compare count; old windows are deleted by time.
  await sql`
    CREATE TABLE rate_limit_counters (
      key text NOT NULL,
      window_start timestamptz NOT NULL,
      count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
      PRIMARY KEY (key, window_start)
    )`.execute(db);
  await sql`CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_start)`.execute(
    db,
  );

  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor text NOT NULL,
      action text NOT NULL,
      target text,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'rate_limit_counters',
    'admin_sessions',
    'admin_users',
    'gateway_settings',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
