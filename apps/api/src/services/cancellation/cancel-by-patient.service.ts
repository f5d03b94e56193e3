import type { CancelBookingInput } from '@clinicpay/contracts';
import { findBooking, lockAppointment, lockPayment, markCancelRequested } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { releaseHold } from '../fulfilment/release-hold.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { authorizedBooking, bookingView } from '../booking/booking-read.js';
import { cancelConfirmedBooking } from './cancel-confirmed.js';

const REASON = 'cancelled_by_patient';

/**
 * The patient cancels. A Confirmed booking goes by the policy stored with it (cancel-confirmed.ts).
 * An unpaid booking is given up in three steps and with no row lock held across Stripe:
 * the booking records that the patient asked to cancel; the session is expired at Stripe (so it
 * can no longer be paid); then the time is released. Expiring makes Stripe send
 * checkout.session.expired, which may arrive before the last step: it finds the request and
 * cancels with the patient's reason, not as a lapsed checkout.
 */
export async function cancelBooking(deps: AppDeps, input: CancelBookingInput) {
  const booking = await authorizedBooking(deps, input);
  // The booking page's dialog in a second tab, or after the clinic cancelled a moment ago: one
  // cancel, one refund, and this page shows it cancelled too.
  if (booking.status === 'cancelled' && input.expectedRefund !== undefined)
    return currentView(deps, booking.reference);
  if (booking.status === 'confirmed') {
    // Only the booking page's dialog, which states the refund, cancels a confirmed booking: the
    // card form's Cancel and the wizard's Back, racing a payment, never cancel what was just paid.
    if (input.expectedRefund === undefined)
      throw new AppError(
        'booking_not_cancellable',
        'This booking is confirmed; open its page from your confirmation to cancel it under the clinic’s policy.',
      );
    await cancelConfirmedBooking(deps, booking, input);
    return currentView(deps, booking.reference);
  }
  refuseUnlessPending(booking.status);
  const hold = { appointmentId: booking.id, paymentId: booking.payment_id };

  await deps.db.transaction().execute(async (trx) => {
    // Payment before appointment: the order every writer uses.
    if (booking.payment_id) await lockPayment(trx, { paymentId: booking.payment_id });
    const appointment = await lockAppointment(trx, booking.id);
    refuseUnlessPending(appointment.status);
    await markCancelRequested(trx, booking.id, REASON, deps.clock.now());
  });

  if (booking.checkout_session_id && booking.payment_mode) {
    const settings = await loadStripeSettings(deps);
    const secretKey = settings?.keys[booking.payment_mode].secretKey;
    if (secretKey) {
      const expired = await deps
        .stripeGatewayFor(secretKey)
        .expireCheckoutSession(booking.checkout_session_id);
      // Paid a moment ago, before its webhook: the patient's cancel still stands. The success,
      // when it is applied, finds the booking cancelled at the patient's request and refunds it
      // in full (payment-succeeded.ts); if it was applied first, the hold is no longer there to
      // release and the page shows the booking confirmed, to cancel under the policy.
      if (expired.outcome === 'already_complete')
        deps.logger.info({ reference: booking.reference }, 'cancelled while its payment completed');
    }
  }

  await deps.db
    .transaction()
    .execute((trx) =>
      releaseHold(trx, hold, REASON, 'expired', { source: 'patient', at: deps.clock.now() }),
    );
  return currentView(deps, booking.reference);
}

async function currentView(deps: AppDeps, reference: string) {
  const booking = (await findBooking(deps.db, reference))!;
  return { ...bookingView(booking, deps.clock.now()), pollAfterMs: null };
}

function refuseUnlessPending(status: string): void {
  if (status === 'pending_payment') return;
  throw new AppError(
    'booking_not_cancellable',
    status === 'cancelled'
      ? 'This booking is already cancelled.'
      : `This booking is ${status.replaceAll('_', ' ')}; please call the clinic to change it.`,
  );
}
