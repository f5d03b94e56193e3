// Payments, refunds and the payment timeline. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

const paymentStatuses = sql.raw(
  `'pending', 'completed', 'failed', 'expired', 'due_at_clinic', 'paid_at_clinic', 'refunded', 'partially_refunded'`,
);

export async function up(db: Kysely<any>): Promise<void> {
  // Stripe ids are unique so an event or a return page always finds one payment; mode is required
  // for stripe because an event applies only to payments of its own livemode.
  await sql`
    CREATE TABLE payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      appointment_id uuid NOT NULL REFERENCES appointments (id),
      gateway text NOT NULL CHECK (gateway IN ('stripe', 'pay_at_clinic')),
      mode text CHECK (mode IN ('test', 'live')),
      amount bigint NOT NULL CHECK (amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL CHECK (status IN (${paymentStatuses})),
      checkout_session_id text,
      payment_intent_id text,
      charge_id text,
      amount_refunded bigint NOT NULL DEFAULT 0,
      failure_code text,
      failure_message text,
      dispute_status text,
      flagged_reason text,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payments_checkout_session_id_key UNIQUE (checkout_session_id),
      CONSTRAINT payments_payment_intent_id_key UNIQUE (payment_intent_id),
      CONSTRAINT payments_amount_refunded_range CHECK (amount_refunded >= 0 AND amount_refunded <= amount),
      CONSTRAINT payments_stripe_has_mode CHECK (gateway <> 'stripe' OR mode IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX payments_appointment_idx ON payments (appointment_id)`.execute(db);
  await sql`CREATE INDEX payments_status_created_idx ON payments (status, created_at)`.execute(db);
  await sql`CREATE INDEX payments_created_idx ON payments (created_at)`.execute(db);
  await sql`CREATE INDEX payments_charge_idx ON payments (charge_id) WHERE charge_id IS NOT NULL`.execute(
    db,
  );

  // The sum of refunds is bounded by payments.amount_refunded <= amount, kept by the refund service.
  await sql`
    CREATE TABLE refunds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      payment_id uuid NOT NULL REFERENCES payments (id),
      amount bigint NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled', 'requires_action')),
      stripe_refund_id text,
      idempotency_key text NOT NULL,
      reason text,
      requested_by text NOT NULL CHECK (requested_by <> ''),
      failure_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT refunds_stripe_refund_id_key UNIQUE (stripe_refund_id),
      CONSTRAINT refunds_idempotency_key_key UNIQUE (idempotency_key)
    )`.execute(db);
  await sql`CREATE INDEX refunds_payment_idx ON refunds (payment_id)`.execute(db);

  await sql`
    CREATE TABLE payment_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      payment_id uuid NOT NULL REFERENCES payments (id),
      from_status text CHECK (from_status IN (${paymentStatuses})),
      to_status text NOT NULL CHECK (to_status IN (${paymentStatuses})),
      source text NOT NULL CHECK (source <> ''),
      reason text,
      stripe_event_id text,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX payment_events_payment_idx ON payment_events (payment_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['payment_events', 'refunds', 'payments']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
