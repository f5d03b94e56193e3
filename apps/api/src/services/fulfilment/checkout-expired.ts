import { lockAppointment, transitionAppointment, transitionPayment } from '@clinicpay/db';
import { queueCancelledMail } from '../mail/queue-mail.js';
import { type Cause, type FulfilmentResult, type Tx } from './fulfilment-types.js';
import { lockStripePayment } from './lock-event-payment.js';

export interface CheckoutExpired {
  paymentId: string | null;
  checkoutSessionId: string;
  livemode: boolean;
}

/**
 * The checkout lapsed unpaid (or was closed for a cancel): payment Expired, appointment Cancelled,
 * its time released.
 */
export async function applyCheckoutExpired(
  trx: Tx,
  fact: CheckoutExpired,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockStripePayment(trx, fact);
  if (!payment) return { outcome: 'not_ours' };
  if (payment.checkout_session_id && payment.checkout_session_id !== fact.checkoutSessionId)
    return { outcome: 'not_ours' };
  // A failed payment (policy "cancel") already cancelled the booking; the payment stays Failed.
  const expired = await transitionPayment(trx, payment.id, ['pending'], 'expired', {
    ...cause,
    reason: 'checkout_expired',
  });
  const appointment = await lockAppointment(trx, payment.appointment_id);
  // Expired because someone cancelled (the expiry they asked Stripe for): their reason stands.
  const reason = appointment.cancel_requested_reason ?? 'checkout_expired';
  const cancelled = await transitionAppointment(
    trx,
    appointment.id,
    ['pending_payment'],
    'cancelled',
    { ...cause, reason },
    { cancel_reason: reason },
  );
  if (cancelled) {
    const mail = { appointmentId: appointment.id, reason, wasConfirmed: false };
    await queueCancelledMail(trx, mail, cause.at);
  }
  return { outcome: expired || cancelled ? 'applied' : 'no_change' };
}
