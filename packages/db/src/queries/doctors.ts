import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** Doctors with their services, weekly hours, and time off that has not ended yet. */
export async function listDoctorsForAdmin(db: Kysely<Database>, clinicId: string, now: Date) {
  const doctors = await db
    .selectFrom('doctors')
    .select(['id', 'name', 'specialty', 'active'])
    .where('clinic_id', '=', clinicId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const ids = doctors.map((d) => d.id);
  if (ids.length === 0) return [];
  const [services, hours, timeOff] = await Promise.all([
    db
      .selectFrom('doctor_services')
      .select(['doctor_id', 'service_id'])
      .where('doctor_id', 'in', ids)
      .execute(),
    db
      .selectFrom('doctor_weekly_hours')
      .select(['doctor_id', 'weekday', 'start_minute', 'end_minute'])
      .where('doctor_id', 'in', ids)
      .orderBy('weekday')
      .orderBy('start_minute')
      .execute(),
    db
      .selectFrom('doctor_time_off')
      .select(['id', 'doctor_id', 'starts_at', 'ends_at', 'reason'])
      .where('doctor_id', 'in', ids)
      .where('ends_at', '>', now)
      .orderBy('starts_at')
      .execute(),
  ]);
  return doctors.map((d) => ({
    ...d,
    service_ids: services.filter((s) => s.doctor_id === d.id).map((s) => s.service_id),
    hours: hours.filter((h) => h.doctor_id === d.id),
    time_off: timeOff.filter((t) => t.doctor_id === d.id),
  }));
}

export async function insertDoctor(
  db: Kysely<Database>,
  clinicId: string,
  doctor: { name: string; specialty: string },
): Promise<string> {
  const { id } = await db
    .insertInto('doctors')
    .values({ clinic_id: clinicId, name: doctor.name, specialty: doctor.specialty })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateDoctor(
  db: Kysely<Database>,
  clinicId: string,
  doctorId: string,
  doctor: { name: string; specialty: string; active: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('doctors')
    .set(doctor)
    .where('id', '=', doctorId)
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Locks the doctor's row, so two schedule changes for one doctor run one after the other. */
export async function lockDoctor(trx: Transaction<Database>, clinicId: string, doctorId: string) {
  return trx
    .selectFrom('doctors')
    .select(['id', 'name'])
    .where('id', '=', doctorId)
    .where('clinic_id', '=', clinicId)
    .forUpdate()
    .executeTakeFirst();
}

export async function replaceDoctorServices(
  trx: Transaction<Database>,
  doctorId: string,
  serviceIds: string[],
): Promise<void> {
  await trx.deleteFrom('doctor_services').where('doctor_id', '=', doctorId).execute();
  if (serviceIds.length > 0)
    await trx
      .insertInto('doctor_services')
      .values(serviceIds.map((serviceId) => ({ doctor_id: doctorId, service_id: serviceId })))
      .execute();
}

export async function replaceWeeklyHours(
  trx: Transaction<Database>,
  doctorId: string,
  hours: { weekday: number; startMinute: number; endMinute: number }[],
): Promise<void> {
  await trx.deleteFrom('doctor_weekly_hours').where('doctor_id', '=', doctorId).execute();
  if (hours.length > 0) {
    await trx
      .insertInto('doctor_weekly_hours')
      .values(
        hours.map((h) => ({
          doctor_id: doctorId,
          weekday: h.weekday,
          start_minute: h.startMinute,
          end_minute: h.endMinute,
        })),
      )
      .execute();
  }
}

/**
 * The doctor's appointments that hold time from `from` on (optionally up to `to`): booked,
 * arrived, or held for a payment whose hold has not lapsed.
 */
export async function findBookedAppointments(
  db: Kysely<Database>,
  doctorId: string,
  window: { from: Date; to?: Date | undefined; now: Date },
) {
  let query = db
    .selectFrom('appointments')
    .select(['id', 'reference', 'starts_at', 'ends_at', 'status'])
    .where('doctor_id', '=', doctorId)
    .where('ends_at', '>', window.from)
    .where('status', 'in', ['pending_payment', 'confirmed', 'arrived'])
    .where((eb) =>
      eb.or([eb('status', '<>', 'pending_payment'), eb('hold_expires_at', '>', window.now)]),
    );
  if (window.to) query = query.where('starts_at', '<', window.to);
  return query.orderBy('starts_at').execute();
}

export async function insertTimeOff(
  trx: Transaction<Database>,
  timeOff: { doctorId: string; startsAt: Date; endsAt: Date; reason: string | null; at: Date },
): Promise<string> {
  const { id } = await trx
    .insertInto('doctor_time_off')
    .values({
      doctor_id: timeOff.doctorId,
      starts_at: timeOff.startsAt,
      ends_at: timeOff.endsAt,
      reason: timeOff.reason,
      created_at: timeOff.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Removes time off of a doctor of this clinic; the doctor's id when it existed. */
export async function deleteTimeOff(
  db: Kysely<Database>,
  clinicId: string,
  timeOffId: string,
): Promise<string | null> {
  const row = await db
    .deleteFrom('doctor_time_off')
    .where('id', '=', timeOffId)
    .where('doctor_id', 'in', (eb) =>
      eb.selectFrom('doctors').select('id').where('clinic_id', '=', clinicId),
    )
    .returning('doctor_id')
    .executeTakeFirst();
  return row?.doctor_id ?? null;
}

/**
 * Share-locks a doctor for a booking: an admin's change to their hours, time off or services
 * (which locks the row for update) either finished before or waits for the booking.
 */
export async function lockDoctorForBooking(trx: Transaction<Database>, doctorId: string) {
  return trx
    .selectFrom('doctors')
    .select('active')
    .where('id', '=', doctorId)
    .forShare()
    .executeTakeFirst();
}

export async function doctorOffersService(
  trx: Transaction<Database>,
  doctorId: string,
  serviceId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('doctor_services')
    .select('service_id')
    .where('doctor_id', '=', doctorId)
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether any of the doctor's time off overlaps this time. */
export async function hasTimeOffDuring(
  trx: Transaction<Database>,
  doctorId: string,
  span: { startsAt: Date; endsAt: Date },
): Promise<boolean> {
  const row = await trx
    .selectFrom('doctor_time_off')
    .select('id')
    .where('doctor_id', '=', doctorId)
    .where('starts_at', '<', span.endsAt)
    .where('ends_at', '>', span.startsAt)
    .executeTakeFirst();
  return row !== undefined;
}

export interface DoctorSeed {
  id: string;
  clinicId: string;
  name: string;
  specialty: string;
}

/** Adds doctors with known ids; existing ones are left as they are. */
export async function insertDoctorsIfMissing(
  trx: Transaction<Database>,
  doctors: readonly DoctorSeed[],
): Promise<void> {
  await trx
    .insertInto('doctors')
    .values(
      doctors.map((d) => ({
        id: d.id,
        clinic_id: d.clinicId,
        name: d.name,
        specialty: d.specialty,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Adds weekly working hours (minutes of the clinic's local day). */
export async function insertWeeklyHours(
  trx: Transaction<Database>,
  hours: readonly { doctorId: string; weekday: number; startMinute: number; endMinute: number }[],
): Promise<void> {
  await trx
    .insertInto('doctor_weekly_hours')
    .values(
      hours.map((h) => ({
        doctor_id: h.doctorId,
        weekday: h.weekday,
        start_minute: h.startMinute,
        end_minute: h.endMinute,
      })),
    )
    .execute();
}
