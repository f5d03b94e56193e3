import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { transactionPaymentColumns } from './transaction-payment-columns.js';

/** One payment with its booking, patient, service and doctor. */
export async function findTransaction(db: Kysely<Database>, paymentId: string) {
  return db
    .selectFrom('payments as p')
    .innerJoin('appointments as a', 'a.id', 'p.appointment_id')
    .innerJoin('patients as pt', 'pt.id', 'a.patient_id')
    .innerJoin('services as s', 's.id', 'a.service_id')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .select([
      ...transactionPaymentColumns,
      'p.failure_code',
      'p.failure_message',
      'a.id as appointment_id',
      'a.reference',
      'a.status as appointment_status',
      'a.starts_at',
      'a.ends_at',
      'a.cancel_reason',
      'pt.name as patient_name',
      'pt.email as patient_email',
      'pt.phone as patient_phone',
      's.name as service_name',
      'd.name as doctor_name',
    ])
    .where('p.id', '=', paymentId)
    .executeTakeFirst();
}

export async function findPaymentEvents(db: Kysely<Database>, paymentId: string) {
  return db
    .selectFrom('payment_events')
    .select([
      'id',
      'from_status',
      'to_status',
      'source',
      'reason',
      'stripe_event_id',
      'details',
      'at',
    ])
    .where('payment_id', '=', paymentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function findAppointmentEvents(db: Kysely<Database>, appointmentId: string) {
  return db
    .selectFrom('appointment_events')
    .select(['id', 'from_status', 'to_status', 'source', 'reason', 'details', 'at'])
    .where('appointment_id', '=', appointmentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function findRefundsOfPayment(db: Kysely<Database>, paymentId: string) {
  return db
    .selectFrom('refunds')
    .select([
      'id',
      'amount',
      'currency',
      'status',
      'stripe_refund_id',
      'reason',
      'requested_by',
      'failure_reason',
      'created_at',
      'updated_at',
    ])
    .where('payment_id', '=', paymentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
