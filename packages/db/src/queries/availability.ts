import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

const MAX_APPOINTMENT_MS = 24 * 60 * 60_000;

/** Active doctors of the clinic who offer the service (one doctor when `doctorId` is given). */
export async function findDoctorsForService(
  db: Kysely<Database>,
  serviceId: string,
  doctorId?: string,
) {
  let query = db
    .selectFrom('doctors')
    .innerJoin('doctor_services', 'doctor_services.doctor_id', 'doctors.id')
    .select(['doctors.id', 'doctors.name', 'doctors.specialty'])
    .where('doctor_services.service_id', '=', serviceId)
    .where('doctors.active', '=', true)
    .orderBy('doctors.name')
    .orderBy('doctors.id');
  if (doctorId) query = query.where('doctors.id', '=', doctorId);
  return query.execute();
}

export async function findWeeklyHours(db: Kysely<Database>, doctorIds: string[]) {
  if (doctorIds.length === 0) return [];
  return db
    .selectFrom('doctor_weekly_hours')
    .select(['doctor_id', 'weekday', 'start_minute', 'end_minute'])
    .where('doctor_id', 'in', doctorIds)
    .execute();
}

/**
 * What keeps these doctors busy within [from, to): time off, and appointments that hold their
 * time. A pending hold past its expiry no longer counts: the booking transaction releases it
 * (see releaseLapsedHolds) before it inserts.
 */
export async function findBusyIntervals(
  db: Kysely<Database>,
  doctorIds: string[],
  from: Date,
  to: Date,
  now: Date,
) {
  if (doctorIds.length === 0) return [];
  const appointments = db
    .selectFrom('appointments')
    .select(['doctor_id', 'starts_at', 'ends_at'])
    .where('doctor_id', 'in', doctorIds)
    .where('starts_at', '<', to)
    // No appointment lasts over a day (services.duration_minutes <= 1440): this lower bound lets
    // the (doctor_id, starts_at) index skip a clinic's whole history.
    .where('starts_at', '>', new Date(from.getTime() - MAX_APPOINTMENT_MS))
    .where('ends_at', '>', from)
    .where('status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('status', '<>', 'pending_payment'), eb('hold_expires_at', '>', now)]));
  const timeOff = db
    .selectFrom('doctor_time_off')
    .select(['doctor_id', 'starts_at', 'ends_at'])
    .where('doctor_id', 'in', doctorIds)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from);
  return appointments.unionAll(timeOff).execute();
}

export async function findBookableService(db: Kysely<Database>, serviceId: string) {
  return db
    .selectFrom('services')
    .innerJoin('clinics', 'clinics.id', 'services.clinic_id')
    .select([
      'services.id',
      'services.name',
      'services.duration_minutes',
      'services.price_amount',
      'services.price_currency',
      'services.clinic_id',
      'clinics.time_zone',
      'clinics.name as clinic_name',
    ])
    .where('services.id', '=', serviceId)
    .where('services.deleted_at', 'is', null)
    .executeTakeFirst();
}
