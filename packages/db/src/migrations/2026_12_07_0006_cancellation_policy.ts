// Cancellation and reschedule policies. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * A clinic's policy and a service's override are jsonb validated by the API (NULL: the clinic's,
 * then the built-in default). A booking stores the policy in force when it was made, sentence
 * included, so a later change never alters what the patient agreed to; older bookings have none
 * and get the default. `reschedule_count` counts the patient's moves against the policy's limit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE clinics ADD COLUMN cancellation_policy jsonb`.execute(db);
  await sql`ALTER TABLE services ADD COLUMN cancellation_policy jsonb`.execute(db);
  await sql`
    ALTER TABLE appointments
      ADD COLUMN cancellation_policy jsonb,
      ADD COLUMN reschedule_count integer NOT NULL DEFAULT 0
        CONSTRAINT appointments_reschedule_count_check CHECK (reschedule_count >= 0)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointments DROP COLUMN reschedule_count, DROP COLUMN cancellation_policy
  `.execute(db);
  await sql`ALTER TABLE services DROP COLUMN cancellation_policy`.execute(db);
  await sql`ALTER TABLE clinics DROP COLUMN cancellation_policy`.execute(db);
}
