// The Stripe webhook inbox and the capped log of signature failures. Frozen in time.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Stored before anything else happens; the unique id makes a redelivery's insert do nothing.
  await sql`
    CREATE TABLE stripe_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      stripe_event_id text NOT NULL,
      type text NOT NULL,
      livemode boolean NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      outcome text,
      error text,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      CONSTRAINT stripe_events_stripe_event_id_key UNIQUE (stripe_event_id)
    )`.execute(db);
  await sql`CREATE INDEX stripe_events_received_idx ON stripe_events (received_at)`.execute(db);
  // Replay and reconciliation look for stored events that never took effect.
  await sql`
    CREATE INDEX stripe_events_unprocessed_idx ON stripe_events (received_at)
    WHERE processed_at IS NULL`.execute(db);

  // Anyone can POST garbage to the webhook URL, so this table must not grow without bound: a
  // trigger keeps the newest 1000 rows, enough to show an admin a misconfigured secret.
  await sql`
    CREATE TABLE webhook_signature_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mode text CHECK (mode IN ('test', 'live')),
      reason text NOT NULL,
      remote_address text,
      received_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX webhook_signature_failures_received_idx ON webhook_signature_failures (received_at)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION webhook_signature_failures_cap() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM webhook_signature_failures
      WHERE id <= (SELECT id FROM webhook_signature_failures ORDER BY id DESC OFFSET 1000 LIMIT 1);
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER webhook_signature_failures_cap AFTER INSERT ON webhook_signature_failures
    FOR EACH STATEMENT EXECUTE FUNCTION webhook_signature_failures_cap()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE webhook_signature_failures`.execute(db);
  await sql`DROP FUNCTION webhook_signature_failures_cap()`.execute(db);
  await sql`DROP TABLE stripe_events`.execute(db);
}
