import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { allOf } from './any-of.js';
import type { RefundStatus } from '../statuses.js';

// What a message is rendered from, read when it is sent (never when it was written): a booking
// cancelled or moved meanwhile is seen as it now is.

const clinicColumns = [
  'clinics.name as clinic_name',
  'clinics.contact_email as clinic_email',
  'clinics.contact_phone as clinic_phone',
  'clinics.address as clinic_address',
  'clinics.time_zone',
  'clinics.mail_sender_name',
  'clinics.mail_sender_address',
  'clinics.reminder_hours_before',
  'clinics.notice_emails',
] as const;

/** The clinic's contact and mail settings. */
export async function findMailClinic(db: Kysely<Database>) {
  return db
    .selectFrom('clinics')
    .select(clinicColumns)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export type MailClinicRow = NonNullable<Awaited<ReturnType<typeof findMailClinic>>>;

/** An appointment with its names, patient, newest payment and clinic. */
export async function findMailAppointment(db: Kysely<Database>, appointmentId: string) {
  return mailAppointments(db)
    .where('appointments.id', '=', appointmentId)
    .orderBy('payments.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type MailAppointmentRow = NonNullable<Awaited<ReturnType<typeof findMailAppointment>>>;

/** The same for a sender's batch, in one query: each appointment once, with its newest payment. */
export async function findMailAppointments(
  db: Kysely<Database>,
  appointmentIds: readonly string[],
): Promise<MailAppointmentRow[]> {
  if (appointmentIds.length === 0) return [];
  return mailAppointments(db)
    .where('appointments.id', 'in', [...new Set(appointmentIds)])
    .distinctOn('appointments.id')
    .orderBy('appointments.id')
    .orderBy('payments.created_at', 'desc')
    .execute();
}

function mailAppointments(db: Kysely<Database>) {
  return db
    .selectFrom('appointments')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .innerJoin('clinics', 'clinics.id', 'services.clinic_id')
    .leftJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.id',
      'appointments.reference',
      'appointments.status',
      'appointments.starts_at',
      'appointments.ends_at',
      'appointments.payment_method',
      'appointments.access_token_sealed',
      'appointments.cancellation_policy',
      'services.name as service_name',
      'doctors.name as doctor_name',
      'patients.name as patient_name',
      'patients.email as patient_email',
      'patients.phone as patient_phone',
      'payments.id as payment_id',
      'payments.status as payment_status',
      'payments.amount',
      'payments.currency',
      'payments.amount_refunded',
      // Refunds asked for and not failed: what a cancellation message says is coming back.
      (eb) =>
        eb
          .selectFrom('refunds')
          .select((s) => sql<number | null>`sum(${s.ref('refunds.amount')})::int8`.as('reserved'))
          .whereRef('refunds.payment_id', '=', 'payments.id')
          .where('refunds.status', '<>', allOf<RefundStatus>(['failed', 'canceled']))
          .as('refunds_reserved'),
      ...clinicColumns,
    ]);
}

/** A refund with the payment it returns money from. */
export async function findMailRefund(db: Kysely<Database>, refundId: string) {
  return mailRefunds(db).where('refunds.id', '=', refundId).executeTakeFirst();
}

export type MailRefundRow = NonNullable<Awaited<ReturnType<typeof findMailRefund>>>;

/** The same for a sender's batch, in one query. */
export async function findMailRefunds(
  db: Kysely<Database>,
  refundIds: readonly string[],
): Promise<MailRefundRow[]> {
  if (refundIds.length === 0) return [];
  return mailRefunds(db)
    .where('refunds.id', 'in', [...new Set(refundIds)])
    .execute();
}

function mailRefunds(db: Kysely<Database>) {
  return db
    .selectFrom('refunds')
    .innerJoin('payments', 'payments.id', 'refunds.payment_id')
    .select([
      'refunds.id',
      'refunds.amount',
      'refunds.currency',
      'refunds.status',
      'payments.amount as paid_amount',
      'payments.appointment_id',
    ]);
}
