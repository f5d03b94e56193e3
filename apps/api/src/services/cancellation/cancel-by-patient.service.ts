import type { CancelBookingInput } from '@clinicpay/contracts';
import { findBooking, lockAppointment, lockPayment } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { releaseHold } from '../fulfilment/release-hold.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { authorizedBooking, bookingView } from '../booking/booking-read.js';
import { getBookingStatus } from '../booking/booking-status.service.js';

/**
 * The patient gives up an unpaid booking: the session is expired first (so it can no longer be
 * paid), then the time released. Both happen while the booking's rows are locked: expiring the
 * session makes Stripe send checkout.session.expired, and that event must wait and find the booking
 * cancelled by the patient, not cancel it first as a lapsed checkout (the patient would then read
 * that their time ran out). The lock is held over one call to Stripe, for this one booking only.
 */
export async function cancelBooking(deps: AppDeps, input: CancelBookingInput) {
  const booking = await authorizedBooking(deps, input);
  refuseUnlessPending(booking.status);
  const settings =
    booking.checkout_session_id && booking.payment_mode ? await loadStripeSettings(deps) : null;
  const secretKey = booking.payment_mode ? settings?.keys[booking.payment_mode].secretKey : null;

  const outcome = await deps.db.transaction().execute(async (trx) => {
    // Payment before appointment: the order every writer uses.
    if (booking.payment_id) await lockPayment(trx, { paymentId: booking.payment_id });
    const appointment = await lockAppointment(trx, booking.id);
    refuseUnlessPending(appointment.status);
    if (booking.checkout_session_id && secretKey) {
      const expired = await deps
        .stripeGatewayFor(secretKey)
        .expireCheckoutSession(booking.checkout_session_id);
      // Paid a moment ago: confirmed below rather than cancelled.
      if (expired.outcome === 'already_complete') return 'paid';
    }
    await releaseHold(
      trx,
      { appointmentId: booking.id, paymentId: booking.payment_id },
      'cancelled_by_patient',
      'expired',
      {
        source: 'patient',
        at: deps.clock.now(),
      },
    );
    return 'cancelled';
  });
  if (outcome === 'paid')
    return getBookingStatus(deps, {
      reference: booking.reference,
      sessionId: booking.checkout_session_id!,
    });
  return bookingView((await findBooking(deps.db, booking.reference))!);
}

function refuseUnlessPending(status: string): void {
  if (status === 'pending_payment') return;
  throw new AppError(
    'booking_not_cancellable',
    status === 'cancelled'
      ? 'This booking is already cancelled.'
      : 'This booking is paid or confirmed; please call the clinic to change it.',
  );
}
