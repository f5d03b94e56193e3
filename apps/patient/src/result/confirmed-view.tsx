import { buttonClass, Card } from '@clinicpay/ui';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import type { BookingStatus } from '../trpc.js';
import { BookingDetails } from './booking-details.js';
import { appointmentIcs } from './ics.js';

// Only bookings the patient can still change need it: a chunk of its own, fetched on demand.
const ManageBooking = lazy(() =>
  import('./manage-booking.js').then((m) => ({ default: m.ManageBooking })),
);

/**
 * Confirmed: the details, an .ics file for the patient's calendar, a way to book again, and (with
 * the status link's token) rescheduling and cancelling under the clinic's policy.
 */
export function ConfirmedView({
  booking,
  token,
}: {
  booking: BookingStatus;
  token: string | null;
}) {
  const icsUrl = useMemo(
    () => URL.createObjectURL(new Blob([appointmentIcs(booking)], { type: 'text/calendar' })),
    [booking],
  );
  useEffect(() => () => URL.revokeObjectURL(icsUrl), [icsUrl]);
  return (
    <div className="grid gap-6">
      <p
        role="status"
        className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 font-semibold text-emerald-900"
      >
        {booking.paymentMethod === 'stripe'
          ? 'Your payment went through and your appointment is booked.'
          : 'Your appointment is booked.'}
      </p>
      <Card className="p-4 sm:p-5">
        <BookingDetails booking={booking} />
      </Card>
      {token && booking.actions ? (
        <Suspense fallback={null}>
          <ManageBooking booking={booking} token={token} />
        </Suspense>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <a
          href={icsUrl}
          download={`appointment-${booking.reference}.ics`}
          className={buttonClass('primary')}
        >
          Add to calendar
        </a>
        <Link to="/" className={buttonClass('secondary')}>
          Book another appointment
        </Link>
      </div>
    </div>
  );
}
