import { sql, type Kysely, type Transaction } from 'kysely';
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
  'cancel_requested_reason',
  'cancel_requested_at',
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
): Promise<Pick<Appointment, (typeof appointmentColumns)[number]>> {
  return withDbErrors(() =>
    db
      .insertInto('appointments')
      .values(values)
      .returning(appointmentColumns)
      .executeTakeFirstOrThrow(),
  );
}

/**
 * Holds of a doctor past their expiry that overlap a time: a new booking releases them first, so a
 * lapsed hold the sweeper has not reached yet does not block it.
 */
export async function findLapsedHoldsOverlapping(
  trx: Transaction<Database>,
  slot: { doctorId: string; startsAt: Date; endsAt: Date; now: Date },
) {
  return trx
    .selectFrom('appointments')
    .select('id')
    .where('doctor_id', '=', slot.doctorId)
    .where('status', '=', 'pending_payment')
    .where('hold_expires_at', '<=', slot.now)
    .where(
      sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${slot.startsAt}, ${slot.endsAt})`,
    )
    .execute();
}

/** Another active appointment of the same doctor in this one's time, if any. */
export async function findClashingAppointment(
  trx: Transaction<Database>,
  appointment: { id: string; doctor_id: string; starts_at: Date; ends_at: Date },
) {
  return trx
    .selectFrom('appointments')
    .select('id')
    .where('doctor_id', '=', appointment.doctor_id)
    .where('id', '<>', appointment.id)
    .where('status', '<>', 'cancelled')
    .where('starts_at', '<', appointment.ends_at)
    .where('ends_at', '>', appointment.starts_at)
    .executeTakeFirst();
}

/**
 * Holds for the sweeper to release: past their expiry, or without a checkout session since
 * before `unstartedBefore` (a crash between booking and opening the checkout).
 */
export async function findLapsedHolds(
  db: Kysely<Database>,
  options: { now: Date; unstartedBefore: Date; limit: number },
) {
  return db
    .selectFrom('appointments')
    .leftJoin('payments', (join) =>
      join
        .onRef('payments.appointment_id', '=', 'appointments.id')
        .on('payments.status', '=', 'pending'),
    )
    .select([
      'appointments.id as appointmentId',
      'payments.id as paymentId',
      'payments.checkout_session_id',
      'payments.mode',
      'payments.created_at',
    ])
    .where('appointments.status', '=', 'pending_payment')
    .where((eb) =>
      eb.or([
        eb('appointments.hold_expires_at', '<=', options.now),
        eb.and([
          eb('payments.checkout_session_id', 'is', null),
          eb('payments.created_at', '<=', options.unstartedBefore),
        ]),
      ]),
    )
    .orderBy('appointments.hold_expires_at')
    .limit(options.limit)
    .execute();
}

/** Keeps a held time held until `until` (a checkout whose payment Stripe has yet to decide). */
export async function extendHold(
  trx: Transaction<Database>,
  appointmentId: string,
  until: Date,
): Promise<void> {
  await trx
    .updateTable('appointments')
    .set({ hold_expires_at: until })
    .where('id', '=', appointmentId)
    .where('status', '=', 'pending_payment')
    .execute();
}

/**
 * Records that someone asked to cancel a held booking (its checkout is being closed at Stripe).
 * Whatever cancels the hold next uses this reason, so the cancel keeps its author.
 */
export async function markCancelRequested(
  trx: Transaction<Database>,
  appointmentId: string,
  reason: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('appointments')
    .set({ cancel_requested_reason: reason, cancel_requested_at: at })
    .where('id', '=', appointmentId)
    .execute();
}
