// Clinics, doctors, their hours and services. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // btree_gist lets GiST exclusion constraints compare uuids with `=` (here and for appointments).
  // It is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser.
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await sql`
    CREATE TABLE clinics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (name <> ''),
      time_zone text NOT NULL CHECK (time_zone <> ''),
      address text NOT NULL DEFAULT '',
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE doctors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      clinic_id uuid NOT NULL REFERENCES clinics (id),
      name text NOT NULL CHECK (name <> ''),
      specialty text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX doctors_clinic_idx ON doctors (clinic_id)`.execute(db);

  // Minutes of the clinic's local day, so a schedule stays "09:00–17:00" across DST changes.
  // Intervals of one doctor on one weekday may not overlap (slot generation would double them).
  await sql`
    CREATE TABLE doctor_weekly_hours (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
      weekday integer NOT NULL CHECK (weekday BETWEEN 0 AND 6),
      start_minute integer NOT NULL CHECK (start_minute >= 0),
      end_minute integer NOT NULL CHECK (end_minute <= 1440),
      CONSTRAINT doctor_weekly_hours_end_after_start CHECK (end_minute > start_minute),
      CONSTRAINT doctor_weekly_hours_no_overlap EXCLUDE USING gist (
        doctor_id WITH =, weekday WITH =, int4range(start_minute, end_minute) WITH &&
      )
    )`.execute(db);

  await sql`
    CREATE TABLE doctor_time_off (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT doctor_time_off_end_after_start CHECK (ends_at > starts_at)
    )`.execute(db);
  await sql`CREATE INDEX doctor_time_off_doctor_starts_idx ON doctor_time_off (doctor_id, starts_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      clinic_id uuid NOT NULL REFERENCES clinics (id),
      name text NOT NULL CHECK (name <> ''),
      duration_minutes integer NOT NULL CHECK (duration_minutes > 0 AND duration_minutes <= 1440),
      price_amount bigint NOT NULL CHECK (price_amount >= 0),
      price_currency char(3) NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX services_clinic_live_idx ON services (clinic_id) WHERE deleted_at IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE doctor_services (
      doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      PRIMARY KEY (doctor_id, service_id)
    )`.execute(db);
  await sql`CREATE INDEX doctor_services_service_idx ON doctor_services (service_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'doctor_services',
    'services',
    'doctor_time_off',
    'doctor_weekly_hours',
    'doctors',
    'clinics',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
