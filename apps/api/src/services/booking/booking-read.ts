import { findBooking, type BookingRow } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { accessTokenMatches } from './booking-secrets.js';
import { patientActions } from './patient-actions.js';

// Reading one booking as the patient may see it: by reference, with a secret they hold.

const NOT_FOUND = 'We could not find this booking. Check the link from your booking confirmation.';

export /** The patient may read a booking with its reference plus the link's token, or the return URL's session id. */
async function authorizedBooking(
  deps: AppDeps,
  input: { reference: string; token?: string | undefined; sessionId?: string | undefined },
) {
  const booking = await findBooking(deps.db, input.reference.toUpperCase());
  const allowed =
    booking &&
    ((input.token !== undefined && accessTokenMatches(input.token, booking.access_token_hash)) ||
      (input.sessionId !== undefined && booking.checkout_session_id === input.sessionId));
  // The same answer for "no such booking" and "wrong secret": references cannot be probed.
  if (!booking || !allowed) throw new AppError('booking_not_found', NOT_FOUND);
  return booking;
}

/** `now` decides what the patient may still do (the policy's windows). */
export function bookingView(b: BookingRow, now: Date) {
  return {
    reference: b.reference,
    status: b.status,
    cancelReason: b.cancel_reason,
    // Ids too, so "Book this time again" works from the status link on any device.
    serviceId: b.service_id,
    doctorId: b.doctor_id,
    serviceName: b.service_name,
    doctorName: b.doctor_name,
    clinic: { name: b.clinic_name, address: b.clinic_address, timeZone: b.time_zone },
    startsAt: b.starts_at.toISOString(),
    endsAt: b.ends_at.toISOString(),
    holdExpiresAt:
      b.status === 'pending_payment' ? (b.hold_expires_at?.toISOString() ?? null) : null,
    paymentMethod: b.payment_method,
    payment: b.payment_status
      ? {
          status: b.payment_status,
          amount: b.amount!,
          currency: b.currency!,
          amountRefunded: b.amount_refunded ?? 0,
          failureCode: b.failure_code,
          failureMessage: b.failure_message,
          refund:
            b.refund_status && b.refund_amount !== null
              ? { status: b.refund_status, amount: b.refund_amount }
              : null,
        }
      : null,
    rescheduleCount: b.reschedule_count,
    actions: patientActions(b, now),
  };
}
