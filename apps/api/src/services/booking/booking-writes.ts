import type { PatientDetailsInput } from '@clinicpay/contracts';
import {
  insertAppointment,
  recordAppointmentEvent,
  recordPaymentEvent,
  sql,
  type Database,
  type Kysely,
  type Transaction,
} from '@clinicpay/db';
import { releaseHold } from '../fulfilment/release-hold.js';
import type { ChosenPayment } from './create-booking.service.js';
import { assertStillOffered } from './still-bookable.js';

export interface PlannedBooking {
  reference: string;
  doctorId: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  patient: PatientDetailsInput;
  accessTokenHash: string;
  holdExpiresAt: Date | null;
  payment: ChosenPayment;
  /** The clinic's, for the doctor's weekly hours (wall-clock minutes). */
  timeZone: string;
  now: Date;
}

export interface HeldBooking {
  appointmentId: string;
  paymentId: string | null;
  reference: string;
}

/**
 * Step 1 of a booking, in one transaction: check the doctor still offers the time, release lapsed
 * holds on it, then insert the
 * patient, the appointment (held, or confirmed when nothing is paid online) and its payment.
 * The overlap constraint refuses a taken time with SlotTakenError; nothing is left behind.
 */
export async function insertBooking(
  db: Kysely<Database>,
  plan: PlannedBooking,
): Promise<HeldBooking> {
  return db.transaction().execute(async (trx) => {
    // First the doctor (share lock), then payments and appointments: the writers' one lock order.
    await assertStillOffered(trx, plan);
    await releaseLapsedHolds(trx, plan);
    const patient = await trx
      .insertInto('patients')
      .values({
        name: plan.patient.name,
        email: plan.patient.email,
        phone: plan.patient.phone,
        created_at: plan.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const held = plan.payment.method === 'stripe';
    const appointment = await insertAppointment(trx, {
      reference: plan.reference,
      doctor_id: plan.doctorId,
      service_id: plan.serviceId,
      patient_id: patient.id,
      starts_at: plan.startsAt,
      ends_at: plan.endsAt,
      status: held ? 'pending_payment' : 'confirmed',
      hold_expires_at: plan.holdExpiresAt,
      payment_method: plan.payment.method,
      access_token_hash: plan.accessTokenHash,
      created_at: plan.now,
      updated_at: plan.now,
    });
    const cause = { source: 'booking' as const, at: plan.now };
    await recordAppointmentEvent(trx, appointment.id, null, appointment.status, cause);
    if (plan.payment.method === 'free')
      return { appointmentId: appointment.id, paymentId: null, reference: plan.reference };

    const status = held ? 'pending' : 'due_at_clinic';
    const payment = await trx
      .insertInto('payments')
      .values({
        appointment_id: appointment.id,
        gateway: plan.payment.method,
        mode: plan.payment.method === 'stripe' ? plan.payment.mode : null,
        amount: plan.payment.amount,
        currency: plan.payment.currency,
        status,
        created_at: plan.now,
        updated_at: plan.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordPaymentEvent(trx, payment.id, null, status, cause);
    return { appointmentId: appointment.id, paymentId: payment.id, reference: plan.reference };
  });
}

/**
 * Holds past their expiry that overlap this time are cancelled first, so a lapsed hold the
 * sweeper has not reached yet does not block a new booking. Its checkout session expires at
 * the same moment at Stripe (expires_at = hold end).
 */
async function releaseLapsedHolds(trx: Transaction<Database>, plan: PlannedBooking): Promise<void> {
  const lapsed = await trx
    .selectFrom('appointments')
    .select('id')
    .where('doctor_id', '=', plan.doctorId)
    .where('status', '=', 'pending_payment')
    .where('hold_expires_at', '<=', plan.now)
    .where(
      sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${plan.startsAt}, ${plan.endsAt})`,
    )
    .execute();
  for (const { id } of lapsed) {
    const payment = await trx
      .selectFrom('payments')
      .select('id')
      .where('appointment_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    await releaseHold(
      trx,
      { appointmentId: id, paymentId: payment?.id ?? null },
      'hold_expired',
      'expired',
      { source: 'booking', at: plan.now },
    );
  }
}

/** Step 3: the session belongs to this payment from now on. */
export async function attachCheckoutSession(
  db: Kysely<Database>,
  paymentId: string,
  checkoutSessionId: string,
): Promise<void> {
  await db
    .updateTable('payments')
    .set({ checkout_session_id: checkoutSessionId })
    .where('id', '=', paymentId)
    .where('checkout_session_id', 'is', null)
    .execute();
}

/** Stripe refused to open a checkout: the time is released at once rather than held for nothing. */
export async function cancelUnstartedCheckout(
  db: Kysely<Database>,
  booked: HeldBooking,
  at: Date,
): Promise<void> {
  await db.transaction().execute((trx) =>
    releaseHold(
      trx,
      { appointmentId: booked.appointmentId, paymentId: booked.paymentId },
      'checkout_unavailable',
      'failed',
      {
        source: 'booking',
        at,
      },
    ),
  );
}
