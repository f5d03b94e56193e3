import { randomBytes } from 'node:crypto';
import type { Database, Kysely } from '@clinicpay/db';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../../src/seed/demo-clinic.data.js';

let next = 0;

/**
 * A held booking with a pending Stripe payment and its checkout session id, written straight to
 * the database: for webhook tests that need many bookings without going through availability.
 * Each call takes the next half hour of Dr. Okafor's time, a year ahead.
 */
export async function insertPendingStripePayment(
  db: Kysely<Database>,
  options: { mode?: 'test' | 'live'; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const service = DEMO_SERVICES[0];
  // Each test file has its own database, so a counter keeps fixtures from overlapping.
  const startsAt = new Date(Date.UTC(2027, 10, 1) + next++ * 30 * 60_000);
  const patient = await db
    .insertInto('patients')
    .values({ name: 'Webhook Patient', email: 'w@example.com', phone: '+1 555 0100' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const appointment = await db
    .insertInto('appointments')
    .values({
      reference: `T-${randomBytes(5).toString('hex').toUpperCase()}`,
      doctor_id: DEMO_DOCTORS[0].id,
      service_id: service.id,
      patient_id: patient.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 30 * 60_000),
      status: 'pending_payment',
      hold_expires_at: new Date(now.getTime() + 35 * 60_000),
      payment_method: 'stripe',
      access_token_hash: randomBytes(16).toString('hex'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const checkoutSessionId = `cs_test_${randomBytes(16).toString('hex')}`;
  const payment = await db
    .insertInto('payments')
    .values({
      appointment_id: appointment.id,
      gateway: 'stripe',
      mode: options.mode ?? 'test',
      amount: service.priceAmount,
      currency: 'USD',
      status: 'pending',
      checkout_session_id: checkoutSessionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { appointmentId: appointment.id, paymentId: payment.id, checkoutSessionId };
}

/** The end state a test compares: what the patient and the admin would see. */
export async function paymentState(db: Kysely<Database>, paymentId: string) {
  return db
    .selectFrom('payments')
    .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
    .select([
      'payments.status as payment',
      'payments.amount_refunded',
      'payments.dispute_status',
      'payments.payment_intent_id',
      'payments.flagged_reason',
      'appointments.status as appointment',
    ])
    .where('payments.id', '=', paymentId)
    .executeTakeFirstOrThrow();
}
