import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A booking as its patient may read it: the appointment with its names and newest payment. */
export async function findBooking(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('clinics', 'clinics.id', 'services.clinic_id')
    .leftJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.id',
      'appointments.reference',
      'appointments.status',
      'appointments.starts_at',
      'appointments.ends_at',
      'appointments.hold_expires_at',
      'appointments.cancel_reason',
      'appointments.access_token_hash',
      'appointments.payment_method',
      'appointments.service_id',
      'appointments.doctor_id',
      'appointments.cancellation_policy',
      'appointments.reschedule_count',
      'services.name as service_name',
      'services.duration_minutes',
      'services.clinic_id',
      'doctors.name as doctor_name',
      'clinics.name as clinic_name',
      'clinics.time_zone',
      'clinics.address as clinic_address',
      'clinics.contact_phone as clinic_phone',
      'clinics.currency as clinic_currency',
      'payments.id as payment_id',
      'payments.status as payment_status',
      'payments.mode as payment_mode',
      'payments.amount',
      'payments.currency',
      'payments.amount_refunded',
      'payments.checkout_session_id',
      'payments.failure_code',
      'payments.failure_message',
      // The newest refund, so the page shows a cancel's refund with its status.
      (eb) =>
        eb
          .selectFrom('refunds')
          .select('refunds.status')
          .whereRef('refunds.payment_id', '=', 'payments.id')
          .orderBy('refunds.created_at', 'desc')
          .limit(1)
          .as('refund_status'),
      (eb) =>
        eb
          .selectFrom('refunds')
          .select('refunds.amount')
          .whereRef('refunds.payment_id', '=', 'payments.id')
          .orderBy('refunds.created_at', 'desc')
          .limit(1)
          .as('refund_amount'),
    ])
    .where('appointments.reference', '=', reference)
    .orderBy('payments.created_at', 'desc')
    .executeTakeFirst();
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof findBooking>>>;
