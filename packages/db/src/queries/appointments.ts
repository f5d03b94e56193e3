import type { Kysely } from 'kysely';
import type { Appointment, Database, NewAppointment } from '../schema.js';
import { withDbErrors } from '../translate-error.js';

export const appointmentColumns = [
  'id',
  'reference',
  'doctor_id',
  'service_id',
  'patient_id',
  'starts_at',
  'ends_at',
  'status',
  'hold_expires_at',
  'payment_method',
  'cancel_reason',
  'access_token_hash',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Appointment)[];

/**
 * Inserts an appointment. The database decides races: throws SlotTakenError when an active
 * appointment of the same doctor overlaps. On PostgreSQL the surrounding transaction is then
 * aborted; let it roll back.
 */
export async function insertAppointment(
  db: Kysely<Database>,
  values: NewAppointment,
): Promise<Appointment> {
  return withDbErrors(() =>
    db
      .insertInto('appointments')
      .values(values)
      .returning(appointmentColumns)
      .executeTakeFirstOrThrow(),
  );
}
