import type { CheckoutSessionState, PaymentEffect } from '@clinicpay/payments';

/**
 * What a retrieved Checkout Session says has happened, in the webhook's vocabulary, for the
 * callers that ask Stripe instead of waiting for an event (status page, sweeper).
 */
export function effectOfSession(
  session: CheckoutSessionState,
  paymentId: string,
): PaymentEffect | null {
  if (session.status === 'complete' && session.paymentStatus === 'paid') {
    if (session.amount === null || !session.currency) return null; // nothing to check it against
    return {
      kind: 'payment_succeeded',
      paymentId,
      paymentIntentId: session.paymentIntentId,
      checkoutSessionId: session.id,
      chargeId: session.paymentIntent?.latestChargeId ?? null,
      amount: session.amount,
      currency: session.currency,
    };
  }
  if (session.status === 'expired')
    return { kind: 'checkout_expired', paymentId, checkoutSessionId: session.id };
  if (session.status === 'complete' && session.paymentStatus === 'unpaid') {
    return {
      kind: 'awaiting_async_payment',
      paymentId,
      checkoutSessionId: session.id,
      paymentIntentId: session.paymentIntentId,
    };
  }
  return null;
}

/** An open session whose last attempt was declined: the payment_failed event we may have missed. */
export function declineOfSession(
  session: CheckoutSessionState,
  paymentId: string,
): PaymentEffect | null {
  const intent = session.paymentIntent;
  if (
    session.status !== 'open' ||
    !intent?.lastPaymentError ||
    intent.status !== 'requires_payment_method'
  )
    return null;
  return {
    kind: 'payment_failed',
    paymentId,
    paymentIntentId: intent.id,
    checkoutSessionId: session.id,
    failureCode: intent.lastPaymentError.code,
    failureMessage: intent.lastPaymentError.message,
  };
}
