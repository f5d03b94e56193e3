import { extendHold, lockAppointment, recordPaymentEvent } from '@clinicpay/db';
import { type Cause, type FulfilmentResult, type Tx } from './fulfilment-types.js';
import { lockStripePayment } from './lock-event-payment.js';

export interface AwaitingAsyncPayment {
  paymentId: string;
  paymentIntentId: string | null;
  livemode: boolean;
}

/**
 * Checkout completed but the money is still on its way (a delayed method such as a bank debit);
 * Stripe decides later with checkout.session.async_payment_succeeded or _failed. Clinicpay asks
 * for cards only, so this comes from a session made before that or set up otherwise in Stripe.
 *
 * The time stays held until the appointment starts: the session cannot be expired any more, so
 * releasing at the usual hold's end would give the time away while the patient's money is moving.
 * The extension happens once; when the appointment starts still undecided, the sweeper releases
 * the time, and a payment that lands after that is handled as any payment after a cancel.
 */
export async function applyAwaitingAsyncPayment(
  trx: Tx,
  fact: AwaitingAsyncPayment,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockStripePayment(trx, fact);
  if (!payment) return { outcome: 'not_ours' };
  if (payment.status !== 'pending') return { outcome: 'no_change' };
  const appointment = await lockAppointment(trx, payment.appointment_id);
  const holdEnds = appointment.hold_expires_at;
  if (
    appointment.status !== 'pending_payment' ||
    appointment.cancel_requested_reason !== null ||
    (holdEnds !== null && holdEnds >= appointment.starts_at) ||
    appointment.starts_at <= cause.at
  )
    return { outcome: 'no_change' };
  await extendHold(trx, appointment.id, appointment.starts_at);
  await recordPaymentEvent(trx, payment.id, 'pending', 'pending', {
    ...cause,
    reason: 'awaiting_async_payment',
    details: { hold_until: appointment.starts_at.toISOString() },
  });
  return { outcome: 'applied' };
}
