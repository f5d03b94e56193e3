import type { BookingStatus } from '../trpc.js';

/** Why a booking is cancelled, in a sentence that also says whether money moved. */
export function cancelSentence(booking: BookingStatus): string {
  const payment = booking.payment;
  if (payment?.status === 'refunded')
    return 'This booking was cancelled and your payment refunded.';
  if (payment?.status === 'partially_refunded')
    return "This booking was cancelled and part of your payment refunded, as the clinic's policy sets.";
  if (booking.cancelReason === 'cancelled_by_patient' && payment?.status === 'completed') {
    return payment.refund && payment.refund.status !== 'failed'
      ? 'You cancelled this booking. Your refund is on its way.'
      : "You cancelled this booking. Under the clinic's policy no refund was due.";
  }
  switch (booking.cancelReason) {
    case 'payment_failed':
      return `Your payment did not go through.${payment?.failureMessage ? ` ${sentence(payment.failureMessage)}` : ''} Nothing was charged, and the time was released.`;
    case 'checkout_expired':
    case 'hold_expired':
      return 'The time we held for you ran out before the payment was made. Nothing was charged.';
    case 'cancelled_by_patient':
      return 'You cancelled this booking. Nothing was charged.';
    case 'checkout_unavailable':
      return 'Card payment was not available, so this time was not booked. Nothing was charged.';
    default:
      return 'This booking was cancelled. Nothing was charged.';
  }
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
