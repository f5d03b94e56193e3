// Hardening after a security review. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * - refunds: an idempotency key is unique per payment, not across payments, so a key reused for
 *   another payment makes that payment's refund instead of answering with the first one.
 * - webhook_signature_failures: repeated refusals for one reason from one address (an IPv6 /64)
 *   within a minute are one row with a count, so a flood cannot push real failures out of the
 *   newest 1000. Rows from before keep minute_at null and count 1.
 * - payments.stripe_read_at: when a status read last asked Stripe about the payment, shared by
 *   every request and replica, so polling cannot spend the clinic's Stripe rate limit.
 * - appointments.client_address / client_network: where a booking came from (the network is the
 *   IPv4 address or the IPv6 /64), cleared after 30 days; for bulk cancels of a flood.
 * - clinics: the anti-flood settings (open bookings per e-mail or phone; proof of work).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE refunds DROP CONSTRAINT refunds_idempotency_key_key`.execute(db);
  await sql`
    ALTER TABLE refunds
    ADD CONSTRAINT refunds_payment_idempotency_key_key UNIQUE (payment_id, idempotency_key)`.execute(
    db,
  );

  await sql`
    ALTER TABLE webhook_signature_failures
    ADD COLUMN count integer NOT NULL DEFAULT 1 CHECK (count > 0),
    ADD COLUMN minute_at timestamptz,
    ADD COLUMN last_received_at timestamptz`.execute(db);
  await sql`
    CREATE UNIQUE INDEX webhook_signature_failures_minute_key
    ON webhook_signature_failures (reason, (coalesce(remote_address, '')), minute_at)`.execute(db);

  await sql`ALTER TABLE payments ADD COLUMN stripe_read_at timestamptz`.execute(db);

  await sql`
    ALTER TABLE appointments
    ADD COLUMN client_address text,
    ADD COLUMN client_network text`.execute(db);
  await sql`
    CREATE INDEX appointments_client_network_idx ON appointments (client_network, created_at)
    WHERE client_network IS NOT NULL`.execute(db);

  await sql`
    ALTER TABLE clinics
    ADD COLUMN max_open_bookings_per_contact integer NOT NULL DEFAULT 3
      CHECK (max_open_bookings_per_contact BETWEEN 1 AND 10000),
    ADD COLUMN booking_challenge_always boolean NOT NULL DEFAULT false,
    ADD COLUMN booking_challenge_threshold integer NOT NULL DEFAULT 30
      CHECK (booking_challenge_threshold BETWEEN 1 AND 10000)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE clinics
    DROP COLUMN max_open_bookings_per_contact,
    DROP COLUMN booking_challenge_always,
    DROP COLUMN booking_challenge_threshold`.execute(db);
  await sql`ALTER TABLE appointments DROP COLUMN client_address, DROP COLUMN client_network`.execute(
    db,
  );
  await sql`ALTER TABLE payments DROP COLUMN stripe_read_at`.execute(db);
  await sql`
    ALTER TABLE webhook_signature_failures
    DROP COLUMN count, DROP COLUMN minute_at, DROP COLUMN last_received_at`.execute(db);
  await sql`ALTER TABLE refunds DROP CONSTRAINT refunds_payment_idempotency_key_key`.execute(db);
  await sql`ALTER TABLE refunds ADD CONSTRAINT refunds_idempotency_key_key UNIQUE (idempotency_key)`.execute(
    db,
  );
}
