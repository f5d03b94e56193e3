import type { CancelBookingInput } from '@clinicpay/contracts';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../trpc.js';
import { releaseHold } from '../fulfilment/release-hold.js';
import { loadStripeSettings } from '../payments/stripe-settings.js';
import { authorizedBooking, bookingView, findBooking } from './booking-read.js';
import { getBookingStatus } from './booking-status.service.js';

/** The patient gives up an unpaid booking: the session is expired first, then the time released. */
export async function cancelBooking(deps: AppDeps, input: CancelBookingInput) {
  const booking = await authorizedBooking(deps, input);
  if (booking.status !== 'pending_payment') {
    throw new AppError(
      'booking_not_cancellable',
      booking.status === 'cancelled'
        ? 'This booking is already cancelled.'
        : 'This booking is paid or confirmed; please call the clinic to change it.',
    );
  }
  if (booking.checkout_session_id && booking.payment_mode) {
    const settings = await loadStripeSettings(deps);
    const secretKey = settings?.keys[booking.payment_mode].secretKey;
    if (secretKey) {
      const expired = await deps.stripeGatewayFor(secretKey).expireCheckoutSession(booking.checkout_session_id);
      if (expired.outcome === 'already_complete') {
        // Paid a moment ago: confirm rather than cancel.
        return getBookingStatus(deps, { reference: booking.reference, sessionId: booking.checkout_session_id });
      }
    }
  }
  await deps.db
    .transaction()
    .execute((trx) =>
      releaseHold(trx, { appointmentId: booking.id, paymentId: booking.payment_id }, 'cancelled_by_patient', 'expired', {
        source: 'patient',
        at: deps.clock.now(),
      }),
    );
  return bookingView((await findBooking(deps.db, booking.reference))!);
}

