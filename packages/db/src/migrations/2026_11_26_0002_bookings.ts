// Patients, appointments and the appointment timeline. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE patients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (name <> ''),
      email text NOT NULL CHECK (email <> ''),
      phone text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // The overlap rule is the database's, not a read-then-write check. Every status
  // except 'cancelled' holds the time: pending_payment is a hold, confirmed/arrived are booked, and
  // completed/no_show are history that must not be double-booked after the fact. Written as
  // "<> 'cancelled'" so a status added later blocks by default (fails safe) until decided otherwise.
  // tstzrange defaults to '[)': an appointment ending at 10:00 does not clash with one starting then.
  await sql`
    CREATE TABLE appointments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL CHECK (char_length(reference) BETWEEN 4 AND 32),
      doctor_id uuid NOT NULL REFERENCES doctors (id),
      service_id uuid NOT NULL REFERENCES services (id),
      patient_id uuid NOT NULL REFERENCES patients (id),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending_payment' CHECK (status IN (
        'pending_payment', 'confirmed', 'cancelled', 'arrived', 'completed', 'no_show'
      )),
      hold_expires_at timestamptz,
      payment_method text NOT NULL CHECK (payment_method IN ('stripe', 'pay_at_clinic', 'free')),
      cancel_reason text,
      access_token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT appointments_reference_key UNIQUE (reference),
      CONSTRAINT appointments_end_after_start CHECK (ends_at > starts_at),
      CONSTRAINT appointments_hold_has_expiry CHECK (status <> 'pending_payment' OR hold_expires_at IS NOT NULL),
      CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&
      ) WHERE (status <> 'cancelled')
    )`.execute(db);
  await sql`CREATE INDEX appointments_doctor_starts_idx ON appointments (doctor_id, starts_at)`.execute(
    db,
  );
  await sql`CREATE INDEX appointments_patient_idx ON appointments (patient_id)`.execute(db);
  await sql`CREATE INDEX appointments_created_idx ON appointments (created_at)`.execute(db);
  // The sweeper's scan: holds past their expiry.
  await sql`
    CREATE INDEX appointments_hold_expiry_idx ON appointments (hold_expires_at)
    WHERE status = 'pending_payment'`.execute(db);

  await sql`
    CREATE TABLE appointment_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      appointment_id uuid NOT NULL REFERENCES appointments (id),
      from_status text CHECK (from_status IN (
        'pending_payment', 'confirmed', 'cancelled', 'arrived', 'completed', 'no_show'
      )),
      to_status text NOT NULL CHECK (to_status IN (
        'pending_payment', 'confirmed', 'cancelled', 'arrived', 'completed', 'no_show'
      )),
      source text NOT NULL CHECK (source <> ''),
      reason text,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX appointment_events_appointment_idx ON appointment_events (appointment_id, at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['appointment_events', 'appointments', 'patients']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
