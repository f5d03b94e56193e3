import type { BookingStatusInput } from '@clinicpay/contracts';
import type { CheckoutSessionState } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { claimStripeRead, findBooking, type BookingRow } from '@clinicpay/db';
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
  if (
    booking.payment_status === 'pending' &&
    booking.checkout_session_id &&
    booking.payment_id &&
    deps.stripeBackoff.remainingMs() === 0 &&
    (await claimStripeRead(
      deps.db,
      booking.payment_id,
      deps.clock.now(),
      input.sessionId !== undefined ? RETURN_PAGE_READ_INTERVAL_MS : POLL_READ_INTERVAL_MS,
    ))
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
 * The pages poll every few seconds while a payment is pending; Stripe is asked about a payment at
 * most once per interval, counted in the database, so no number of requests, tabs or replicas
 * can spend the clinic's Stripe rate limit. The return page (it names the session) may ask a little
 * sooner, since that is when the patient waits for the answer; the webhook usually brings it first.
 */
const POLL_READ_INTERVAL_MS = 10_000;
const RETURN_PAGE_READ_INTERVAL_MS = 3_000;

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
