import type { ResumeCheckoutInput } from '@clinicpay/contracts';
import { GatewayError, type EmbeddedCheckoutSession } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { findBooking, type BookingRow } from '@clinicpay/db';
import { authorizedBooking } from './booking-read.js';
import { applySessionToBooking, secretKeyOf } from './session-reconcile.js';

export interface ResumedCheckout {
  reference: string;
  holdExpiresAt: string;
  /** As booking.create gives it: what Embedded Checkout mounts the session with. */
  checkout: { clientSecret: string; publishableKey: string };
  /** Where Stripe.js comes from, as catalogue.paymentMethods gives it (configuration). */
  stripeJsUrl: string | null;
}

const LAPSED =
  'The time we held for you ran out before the payment was made, so it was released. Nothing was charged; please book again.';
const PAID = 'This booking is already paid and confirmed; there is nothing more to pay.';
const PROCESSING =
  'Your payment is being processed. This page shows the result as soon as it is confirmed.';
const LAPSED_REASONS = new Set(['hold_expired', 'checkout_expired', 'checkout_not_started']);

/**
 * The card form of an unpaid booking, again, from its status link (another device, a closed tab):
 * the booking's own Checkout Session, read from Stripe each time (client secrets are not stored).
 * Only while the hold lasts and the session is open; a session Stripe reports paid or expired
 * is applied to the booking as the status page would, and the patient is told which.
 */
export async function resumeCheckout(
  deps: AppDeps,
  input: ResumeCheckoutInput,
): Promise<ResumedCheckout> {
  const booking = await authorizedBooking(deps, input);
  assertAwaitingCardPayment(booking);

  const settings = await loadStripeSettings(deps);
  const secretKey = secretKeyOf(booking, settings);
  const publishableKey = booking.payment_mode
    ? settings?.keys[booking.payment_mode].publishableKey
    : null;
  if (!secretKey || !publishableKey) {
    deps.logger.error(
      { reference: booking.reference, mode: booking.payment_mode },
      'no Stripe keys for the mode of a pending card payment',
    );
    throw new AppError(
      'card_payment_unavailable',
      'Card payment is not available right now. Please try again later, or call the clinic.',
    );
  }
  const { session, clientSecret } = await retrieveSession(deps, secretKey, booking);

  if (session.status !== 'open') {
    // Paid or lapsed at Stripe, maybe before its webhook arrived: the booking learns it first.
    await applySessionToBooking(deps, booking, session, settings);
    const now = (await findBooking(deps.db, booking.reference))!;
    assertAwaitingCardPayment(now);
    throw new AppError(
      'checkout_not_resumable',
      session.status === 'complete' ? PROCESSING : LAPSED,
    );
  }
  // Stripe ends the session at the hold's end too; until it or the sweeper acts, the hold rules.
  if (!booking.hold_expires_at || booking.hold_expires_at <= deps.clock.now())
    throw new AppError('checkout_not_resumable', LAPSED);
  if (!clientSecret) {
    deps.logger.error(
      { reference: booking.reference },
      "Stripe gave no client secret for the booking's checkout session",
    );
    throw new AppError(
      'card_payment_unavailable',
      'Card payment is not available right now. Please try again later, or call the clinic.',
    );
  }
  return {
    reference: booking.reference,
    holdExpiresAt: booking.hold_expires_at.toISOString(),
    checkout: { clientSecret, publishableKey },
    stripeJsUrl: deps.config.stripeJsUrl ?? null,
  };
}

/** Throws the sentence for every booking that has no card payment waiting for the patient. */
function assertAwaitingCardPayment(booking: BookingRow): void {
  if (booking.payment_method === 'pay_at_clinic') {
    throw new AppError(
      'checkout_not_resumable',
      'This booking is paid at the clinic, so there is nothing to pay online. Please pay when you arrive.',
    );
  }
  if (booking.payment_method !== 'stripe')
    throw new AppError(
      'checkout_not_resumable',
      'This appointment is free, so there is nothing to pay.',
    );
  if (booking.status === 'cancelled')
    throw new AppError('checkout_not_resumable', cancelledSentence(booking));
  if (booking.status !== 'pending_payment' || booking.payment_status === 'completed')
    throw new AppError('checkout_not_resumable', PAID);
  if (booking.payment_status !== 'pending' || !booking.checkout_session_id) {
    // A crash left the hold without a session (the sweeper releases it), or the payment ended.
    throw new AppError(
      'checkout_not_resumable',
      'Card payment for this booking could not be started, so its time will be released. Please book again.',
    );
  }
}

function cancelledSentence(booking: BookingRow): string {
  const reason = booking.cancel_reason;
  if (booking.payment_status === 'refunded' || booking.payment_status === 'partially_refunded') {
    return 'This booking is cancelled and your payment was refunded. Please book again if you still need an appointment.';
  }
  if (reason && LAPSED_REASONS.has(reason)) return LAPSED;
  if (reason === 'payment_failed')
    return 'Your payment did not go through, so the time was released. Please book again.';
  return 'This booking is cancelled and its time was released, so there is nothing to pay. Please book again if you still need an appointment.';
}

async function retrieveSession(
  deps: AppDeps,
  secretKey: string,
  booking: BookingRow,
): Promise<EmbeddedCheckoutSession> {
  try {
    return await deps
      .stripeGatewayFor(secretKey)
      .retrieveEmbeddedCheckout(booking.checkout_session_id!);
  } catch (error) {
    deps.logger.warn(
      { err: error, reference: booking.reference },
      'could not read the checkout session to reopen the card form',
    );
    if (error instanceof GatewayError && !error.retryable) {
      throw new AppError(
        'card_payment_unavailable',
        'Card payment is not available right now. Please try again later, or call the clinic.',
        { cause: error },
      );
    }
    throw new AppError(
      'stripe_unreachable',
      'We could not reach the card payment service. Please try again in a moment; your time stays held.',
      { cause: error },
    );
  }
}
