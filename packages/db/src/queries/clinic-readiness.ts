import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The doctor of the query's `doctors` row has at least one weekly working interval. */
function hasWorkingHours(eb: ExpressionBuilder<Database, 'doctors'>) {
  return eb.exists(
    eb
      .selectFrom('doctor_weekly_hours')
      .select('doctor_weekly_hours.id')
      .whereRef('doctor_weekly_hours.doctor_id', '=', 'doctors.id'),
  );
}

/**
 * What a clinic needs before patients can book online, read from what is stored: a service that
 * an active doctor with working hours offers, and a way to pay that is switched on. Whether a
 * booking from the patient page has reached Confirmed or Cancelled yet (the set-up's test booking).
 */
export async function findClinicReadiness(db: Kysely<Database>, clinicId: string) {
  const [services, doctorsWithHours, taking, gateways, testBooking] = await Promise.all([
    db
      .selectFrom('services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', clinicId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('doctors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', clinicId)
      .where('active', '=', true)
      .where(hasWorkingHours)
      .executeTakeFirstOrThrow(),
    findBookingReadiness(db, clinicId),
    db
      .selectFrom('gateway_settings')
      .select(['gateway', 'enabled'])
      .where('clinic_id', '=', clinicId)
      .execute(),
    db
      .selectFrom('appointments')
      .select('id')
      .where('status', '<>', 'pending_payment')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    services: Number(services.n),
    doctorsWithHours: Number(doctorsWithHours.n),
    hasBookableService: taking.hasBookableService,
    enabledGateways: gateways.filter((g) => g.enabled).map((g) => g.gateway),
    hasTestBooking: testBooking !== undefined,
  };
}

/**
 * Whether patients can book online now, in one statement (the public pages ask on every load): a
 * service offered by an active doctor with working hours, and a way to pay switched on.
 */
export async function findBookingReadiness(db: Kysely<Database>, clinicId: string) {
  const bookableService = db
    .selectFrom('services')
    .innerJoin('doctor_services', 'doctor_services.service_id', 'services.id')
    .innerJoin('doctors', 'doctors.id', 'doctor_services.doctor_id')
    .select('services.id')
    .where('services.clinic_id', '=', clinicId)
    .where('services.deleted_at', 'is', null)
    .where('doctors.active', '=', true)
    .where(hasWorkingHours);
  const wayToPay = db
    .selectFrom('gateway_settings')
    .select('gateway_settings.gateway')
    .where('gateway_settings.clinic_id', '=', clinicId)
    .where('gateway_settings.enabled', '=', true);
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(bookableService).as('has_bookable_service'),
      eb.exists(wayToPay).as('has_way_to_pay'),
    ])
    .executeTakeFirstOrThrow();
  return {
    hasBookableService: Boolean(row.has_bookable_service),
    hasWayToPay: Boolean(row.has_way_to_pay),
  };
}

/** Active appointments from `from` on, with their doctor: what a change of time zone moves. */
export async function findFutureAppointments(db: Kysely<Database>, from: Date) {
  return db
    .selectFrom('appointments')
    .select(['doctor_id', 'starts_at', 'ends_at'])
    .where('status', '<>', 'cancelled')
    .where('starts_at', '>=', from)
    .execute();
}
