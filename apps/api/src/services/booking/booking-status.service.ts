import type { BookingStatusInput } from '@clinicpay/contracts';
import type { CheckoutSessionState } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { findBooking, type BookingRow } from '@clinicpay/db';
import { authorizedBooking, bookingView } from './booking-read.js';
import { applySessionToBooking, secretKeyOf } from './session-reconcile.js';

/** How often a page should ask again while Stripe is limiting requests (it asks us, not Stripe). */
export const SLOW_POLL_MS = 15_000;

/**
 * The booking as the patient sees it. While a card payment is pending it asks Stripe for the
 * session and applies what it finds through the same fulfilment as the webhook, so the return
 * page confirms even when the webhook is late. While Stripe is limiting requests (a recent 429)
 * it shows the stored state and tells the page to ask less often (`pollAfterMs`); the webhook
 * still brings the outcome.
 */
export async function getBookingStatus(deps: AppDeps, input: BookingStatusInput) {
  let booking = await authorizedBooking(deps, input);
  const due =
    booking.payment_id && deps.stripeBackoff.remainingMs() === 0
      ? stripeCheckDue(booking.payment_id, deps.clock.now(), input.sessionId !== undefined)
      : false;
  if (
    due &&
    booking.payment_status === 'pending' &&
    booking.checkout_session_id &&
    booking.payment_id
  ) {
    const changed = await reconcileWithStripe(deps, booking);
    if (changed) booking = (await findBooking(deps.db, booking.reference))!;
  }
  const stripeBusy = booking.payment_status === 'pending' && deps.stripeBackoff.remainingMs() > 0;
  return {
    ...bookingView(booking, deps.clock.now()),
    pollAfterMs: stripeBusy ? SLOW_POLL_MS : null,
  };
}

/**
 * The page polls every few seconds while a payment is pending; Stripe is asked at most every
 * STRIPE_CHECK_INTERVAL_MS per payment (per process), except on the return page, which always asks.
 * Without this, one open tab would spend the clinic's Stripe rate limit.
 */
const STRIPE_CHECK_INTERVAL_MS = 10_000;
const lastStripeCheck = new Map<string, number>();

function stripeCheckDue(paymentId: string, now: Date, fromReturnPage: boolean): boolean {
  const last = lastStripeCheck.get(paymentId);
  if (!fromReturnPage && last !== undefined && now.getTime() - last < STRIPE_CHECK_INTERVAL_MS)
    return false;
  if (lastStripeCheck.size > 10_000) lastStripeCheck.clear();
  lastStripeCheck.set(paymentId, now.getTime());
  return true;
}

async function reconcileWithStripe(deps: AppDeps, booking: BookingRow): Promise<boolean> {
  const settings = await loadStripeSettings(deps);
  const secretKey = secretKeyOf(booking, settings);
  if (!secretKey) return false;
  let session: CheckoutSessionState;
  try {
    session = await deps
      .stripeGatewayFor(secretKey)
      .retrieveCheckoutSession(booking.checkout_session_id!);
  } catch (error) {
    // Stripe unreachable: the patient still sees the stored state; the webhook will catch up.
    deps.logger.warn(
      { err: error, reference: booking.reference },
      'status page could not reach Stripe',
    );
    return false;
  }
  return applySessionToBooking(deps, booking, session, settings);
}
