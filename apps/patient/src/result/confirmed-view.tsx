import { buttonClass, Card } from '@clinicpay/ui';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import type { BookingStatus } from '../trpc.js';
import { BookingDetails } from './booking-details.js';
import { appointmentIcs } from './ics.js';

/** Confirmed: the details, an .ics file for the patient's calendar, and a way to book again. */
export function ConfirmedView({ booking }: { booking: BookingStatus }) {
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
