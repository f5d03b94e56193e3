import { getCurrency } from '../money/index.js';
import { sortedTiers, type CancellationPolicy } from './cancellation-policy.js';

export interface RefundQuote {
  /** The tier's percent of what was paid: 100 in the free window, 0 after the last tier. */
  percent: number;
  /** Minor units to refund: never below zero, never above what is left unrefunded. */
  amount: number;
}

/** The percent of the payment a cancellation at `now` gives back. At the edge the earlier tier holds. */
export function refundPercent(
  policy: Pick<CancellationPolicy, 'freeCancelHours' | 'refundTiers'>,
  startsAt: Date,
  now: Date,
): number {
  if (now >= startsAt) return 0;
  const msBefore = startsAt.getTime() - now.getTime();
  if (msBefore >= policy.freeCancelHours * 3_600_000) return 100;
  const tier = sortedTiers(policy).find((t) => msBefore >= t.hoursBefore * 3_600_000);
  return tier?.percent ?? 0;
}

/**
 * The refund of a patient's cancel: the tier's percent of what was paid, less the fee, rounded
 * down to the currency's step (three-decimal currencies move in 10s, ISK in 100s), never below
 * zero, never more than what is left unrefunded.
 */
export function refundQuote(
  policy: Pick<CancellationPolicy, 'freeCancelHours' | 'refundTiers' | 'feeAmount'>,
  payment: { paid: number; alreadyRefunded: number; currency: string },
  startsAt: Date,
  now: Date,
): RefundQuote {
  const percent = refundPercent(policy, startsAt, now);
  const { step } = getCurrency(payment.currency);
  // Integer arithmetic: paid × percent stays far below 2^53 for any chargeable amount.
  const gross = Math.floor((payment.paid * percent) / 100) - policy.feeAmount;
  const stepped = Math.floor(Math.max(0, gross) / step) * step;
  const left = Math.max(0, payment.paid - payment.alreadyRefunded);
  return { percent, amount: Math.min(stepped, left) };
}
