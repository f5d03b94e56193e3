import type { ReactNode } from 'react';
import { formatDate, formatTime, zoneName } from '../clinic-time.js';
import { formatPrice } from '../format-price.js';
import type { BookingStatus } from '../trpc.js';

function paymentLine(booking: BookingStatus): string | null {
  const payment = booking.payment;
  if (!payment) return booking.paymentMethod === 'free' ? 'Free' : null;
  const price = formatPrice({ amount: payment.amount, currency: payment.currency });
  switch (payment.status) {
    case 'completed':
      return `${price}, paid by card`;
    case 'refunded':
      return `${price}, refunded`;
    case 'partially_refunded':
      return `${price}, partly refunded`;
    case 'due_at_clinic':
      return `${price}, to pay at the clinic`;
    case 'paid_at_clinic':
      return `${price}, paid at the clinic`;
    case 'pending':
      return `${price}, by card (not paid yet)`;
    default:
      return `${price}, not charged`;
  }
}

const REFUND_STATES: Record<
  NonNullable<NonNullable<BookingStatus['payment']>['refund']>['status'],
  string
> = {
  pending: 'being sent to your card',
  requires_action: 'being sent to your card',
  succeeded: 'sent to your card (it can take 5–10 days to appear)',
  failed: 'failed; the clinic will contact you',
  canceled: 'cancelled; please call the clinic',
};

/** The booking as the patient needs it on the day: what, who, when, where, and the money. */
export function BookingDetails({ booking }: { booking: BookingStatus }) {
  const tz = booking.clinic.timeZone;
  const rows: [string, ReactNode][] = [
    ['Reference', <span className="font-mono">{booking.reference}</span>],
    ['Service', booking.serviceName],
    ['Doctor', booking.doctorName],
    ['Date', formatDate(booking.startsAt, tz)],
    [
      'Time',
      `${formatTime(booking.startsAt, tz)} – ${formatTime(booking.endsAt, tz)} ${zoneName(tz, new Date(booking.startsAt))}`,
    ],
    ['Clinic', `${booking.clinic.name}, ${booking.clinic.address}`],
  ];
  const payment = paymentLine(booking);
  if (payment) rows.push(['Payment', payment]);
  const refund = booking.payment?.refund;
  if (refund && booking.payment)
    rows.push([
      'Refund',
      `${formatPrice({ amount: refund.amount, currency: booking.payment.currency })}, ${REFUND_STATES[refund.status]}`,
    ]);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd className="font-medium break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
