import {
  lockAppointment,
  recordPaymentEvent,
  recordPaymentFailure,
  setPaymentStripeIds,
  transitionAppointment,
  transitionPayment,
} from '@clinicpay/db';
import { queueCancelledMail } from '../mail/queue-mail.js';
import { type Cause, type FulfilmentResult, type Tx } from './fulfilment-types.js';
import { lockStripePayment } from './lock-event-payment.js';

export interface PaymentFailed {
  paymentId: string | null;
  paymentIntentId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  livemode: boolean;
}

/**
 * A payment attempt failed. Policy "cancel" (the documented default): payment Failed, appointment
 * Cancelled and its time released, and the open checkout session expired after commit so no later
 * charge lands on a cancelled booking. Policy "retry": the attempt is recorded and the hold kept.
 */
export async function applyPaymentFailed(
  trx: Tx,
  fact: PaymentFailed,
  policy: 'cancel' | 'retry',
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockStripePayment(trx, fact);
  if (!payment) return { outcome: 'not_ours' };
  const failure = {
    failure_code: fact.failureCode,
    failure_message: fact.failureMessage,
    ...(fact.paymentIntentId && !payment.payment_intent_id
      ? { payment_intent_id: fact.paymentIntentId }
      : {}),
  };

  if (policy === 'retry') {
    if (payment.status !== 'pending') return { outcome: 'no_change' };
    await recordPaymentFailure(trx, payment.id, failure, cause.at);
    await recordPaymentEvent(trx, payment.id, 'pending', 'pending', {
      ...cause,
      reason: 'attempt_failed',
      details: { code: fact.failureCode },
    });
    return {
      outcome: 'applied',
      ...(failure.payment_intent_id ? { learnedPaymentIntentId: failure.payment_intent_id } : {}),
    };
  }

  const failed = await transitionPayment(
    trx,
    payment.id,
    ['pending'],
    'failed',
    { ...cause, reason: fact.failureCode },
    failure,
  );
  if (!failed) {
    // Too late to matter, but the intent id still ties later refunds and disputes to us.
    if (!failure.payment_intent_id) return { outcome: 'no_change' };
    await setPaymentStripeIds(trx, payment.id, { payment_intent_id: failure.payment_intent_id });
    return { outcome: 'applied', learnedPaymentIntentId: failure.payment_intent_id };
  }
  const appointment = await lockAppointment(trx, payment.appointment_id);
  const cancelled = await transitionAppointment(
    trx,
    appointment.id,
    ['pending_payment'],
    'cancelled',
    { ...cause, reason: 'payment_failed' },
    {
      cancel_reason: 'payment_failed',
    },
  );
  if (cancelled) {
    const mail = { appointmentId: appointment.id, reason: 'payment_failed', wasConfirmed: false };
    await queueCancelledMail(trx, mail, cause.at);
  }
  return {
    outcome: 'applied',
    ...(failure.payment_intent_id ? { learnedPaymentIntentId: failure.payment_intent_id } : {}),
    afterCommit: payment.checkout_session_id
      ? [
          {
            kind: 'expire_checkout_session',
            checkoutSessionId: payment.checkout_session_id,
            mode: payment.mode ?? 'test',
          },
        ]
      : [],
  };
}
