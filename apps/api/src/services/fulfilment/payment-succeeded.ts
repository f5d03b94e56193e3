import {
  findClashingAppointment,
  flagPayment,
  lockAppointment,
  recordPaymentEvent,
  setPaymentStripeIds,
  transitionAppointment,
  transitionPayment,
} from '@clinicpay/db';
import { statusAfterRefunds } from '../refunds/refunded-total.js';
import { queueCancelledMail, queueConfirmedMail } from '../mail/queue-mail.js';
import { type Cause, type FulfilmentResult, type Tx } from './fulfilment-types.js';
import { refundAutomatically } from './automatic-refund.js';
import { lockStripePayment } from './lock-event-payment.js';

export interface PaymentSucceeded {
  paymentId: string | null;
  paymentIntentId: string | null;
  chargeId?: string | null;
  checkoutSessionId?: string | null;
  /** What Stripe says it received, in minor units and a lowercase or uppercase ISO code. */
  amount?: number | undefined;
  currency?: string | undefined;
  livemode: boolean;
}

/**
 * Money was captured: the payment is Completed and the appointment Confirmed. Idempotent: a
 * second report of the same success changes nothing. A success for a booking already cancelled
 * re-confirms it when its time is still free; otherwise the payment is flagged for the admin
 * and refunded automatically after commit: no money is kept without a booking.
 */
export async function applyPaymentSucceeded(
  trx: Tx,
  fact: PaymentSucceeded,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockStripePayment(trx, fact);
  if (!payment) return { outcome: 'not_ours' };
  if (
    fact.checkoutSessionId &&
    payment.checkout_session_id &&
    payment.checkout_session_id !== fact.checkoutSessionId
  ) {
    return { outcome: 'not_ours' };
  }

  const ids = {
    ...(fact.paymentIntentId && !payment.payment_intent_id
      ? { payment_intent_id: fact.paymentIntentId }
      : {}),
    ...(fact.chargeId && !payment.charge_id ? { charge_id: fact.chargeId } : {}),
    ...(fact.checkoutSessionId && !payment.checkout_session_id
      ? { checkout_session_id: fact.checkoutSessionId }
      : {}),
  };
  // A refund can be reported before the success it refunds: the status then reflects it at once.
  const settledStatus = statusAfterRefunds(payment.amount, payment.amount_refunded);
  const completed = await transitionPayment(
    trx,
    payment.id,
    ['pending', 'failed', 'expired'],
    settledStatus,
    cause,
    {
      ...ids,
      completed_at: cause.at,
      failure_code: null,
      failure_message: null,
    },
  );
  if (!completed) {
    // Already completed (or refunded since): only fill in ids a later event brought.
    if (Object.keys(ids).length === 0) return { outcome: 'no_change' };
    await setPaymentStripeIds(trx, payment.id, ids);
    return { outcome: 'applied', ...learned(ids) };
  }

  if (receivedOtherThanCharged(fact, payment)) {
    const appointment = await lockAppointment(trx, payment.appointment_id);
    // Money we did not ask for (another amount or currency on our payment's id): the booking is
    // not confirmed on it; the payment goes back and an admin is told.
    await flagPayment(trx, payment.id, { reason: AMOUNT_MISMATCH });
    await recordPaymentEvent(trx, payment.id, settledStatus, settledStatus, {
      ...cause,
      reason: AMOUNT_MISMATCH,
      details: { amount: fact.amount ?? null, currency: fact.currency ?? null },
    });
    const cancelled = await transitionAppointment(
      trx,
      appointment.id,
      ['pending_payment'],
      'cancelled',
      { ...cause, reason: AMOUNT_MISMATCH },
      { cancel_reason: AMOUNT_MISMATCH },
    );
    if (cancelled) {
      const mail = { appointmentId: appointment.id, reason: AMOUNT_MISMATCH, wasConfirmed: false };
      await queueCancelledMail(trx, mail, cause.at);
    }
    // What arrived goes back (never more than our record of the charge).
    const amount =
      fact.amount !== undefined && fact.amount > 0
        ? Math.min(fact.amount, payment.amount)
        : undefined;
    const why = { reason: AMOUNT_MISMATCH, amount };
    const refund = await refundAutomatically(trx, payment.id, why, cause);
    return { outcome: 'applied', ...learned(ids), afterCommit: [refund] };
  }
  // The usual case in one statement: the compare-and-set takes the appointment's row lock itself.
  if (
    await transitionAppointment(
      trx,
      payment.appointment_id,
      ['pending_payment'],
      'confirmed',
      cause,
    )
  ) {
    await queueConfirmedMail(trx, payment.appointment_id, cause.at);
    return { outcome: 'applied', ...learned(ids) };
  }
  const appointment = await lockAppointment(trx, payment.appointment_id);
  if (appointment.status === 'cancelled') {
    // The patient asked to cancel before the payment was known: the booking stays cancelled.
    const kept =
      appointment.cancel_requested_reason === 'cancelled_by_patient'
        ? await flagPaidAfterPatientCancel(trx, payment.id, cause)
        : await reconfirmOrFlag(trx, appointment.id, payment.id, cause);
    if (!kept) {
      // No money without a booking: the refund is reserved with this change and sent after it.
      const why = { reason: PAID_AFTER_CANCEL };
      const refund = await refundAutomatically(trx, payment.id, why, cause);
      return { outcome: 'applied', ...learned(ids), afterCommit: [refund] };
    }
  }
  return { outcome: 'applied', ...learned(ids) };
}

function learned(ids: {
  payment_intent_id?: string;
}): Pick<FulfilmentResult, 'learnedPaymentIntentId'> {
  return ids.payment_intent_id ? { learnedPaymentIntentId: ids.payment_intent_id } : {};
}

export const PAID_AFTER_CANCEL = 'paid_after_cancel_slot_taken';
export const PAID_AFTER_PATIENT_CANCEL = 'paid_after_patient_cancel';

/** Flags a payment that arrived after its patient cancelled; always false (nothing is kept). */
async function flagPaidAfterPatientCancel(
  trx: Tx,
  paymentId: string,
  cause: Cause,
): Promise<false> {
  await flagPayment(trx, paymentId, { reason: PAID_AFTER_PATIENT_CANCEL, at: cause.at });
  await recordPaymentEvent(trx, paymentId, 'completed', 'completed', {
    ...cause,
    reason: PAID_AFTER_PATIENT_CANCEL,
  });
  return false;
}
export const AMOUNT_MISMATCH = 'amount_mismatch';

function receivedOtherThanCharged(
  fact: PaymentSucceeded,
  payment: { amount: number; currency: string },
): boolean {
  if (fact.amount !== undefined && fact.amount !== payment.amount) return true;
  return (
    fact.currency !== undefined &&
    fact.currency !== '' &&
    fact.currency.toUpperCase() !== payment.currency.toUpperCase()
  );
}

/** True when the booking is confirmed again; false when its time is gone (the money goes back). */
async function reconfirmOrFlag(
  trx: Tx,
  appointmentId: string,
  paymentId: string,
  cause: Cause,
): Promise<boolean> {
  const appointment = await lockAppointment(trx, appointmentId);
  const clash = await findClashingAppointment(trx, appointment);
  if (!clash) {
    // A concurrent booking can still win the time between this check and the update; then the
    // constraint refuses, this event fails, and its redelivery takes the flag branch.
    await transitionAppointment(
      trx,
      appointment.id,
      ['cancelled'],
      'confirmed',
      {
        ...cause,
        reason: 'paid_after_cancel',
      },
      { cancel_reason: null },
    );
    await queueConfirmedMail(trx, appointment.id, cause.at);
    return true;
  }
  await flagPayment(trx, paymentId, { reason: PAID_AFTER_CANCEL, at: cause.at });
  await recordPaymentEvent(trx, paymentId, 'completed', 'completed', {
    ...cause,
    reason: PAID_AFTER_CANCEL,
  });
  return false;
}
