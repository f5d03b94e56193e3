import { refundQuote, type RefundQuote } from '@clinicpay/contracts';
import type { JsonObject } from '@clinicpay/db';
import { policyOfBooking } from '../policies/policy-snapshot.js';

/**
 * What the booking's own cancellation policy gives back if it is cancelled at `now`: the same
 * figure a patient cancelling then would get. The front desk cancels with this refund and no other.
 */
export function policyRefundOf(
  storedPolicy: JsonObject | null,
  payment: { amount: number; amount_refunded: number; currency: string },
  startsAt: Date,
  now: Date,
): RefundQuote {
  const policy = policyOfBooking(storedPolicy, payment.currency);
  return refundQuote(
    policy,
    { paid: payment.amount, alreadyRefunded: payment.amount_refunded, currency: payment.currency },
    startsAt,
    now,
  );
}
