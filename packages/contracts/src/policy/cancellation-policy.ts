import { z } from '../zod.js';

// A clinic's cancellation and reschedule policy, per clinic and overridable per service. The
// numbers and the sentence in force when a booking is made are stored with it and apply to it
// later, so this module is the one place that turns numbers into a sentence and a refund.

const hours = (what: string) =>
  z
    .number({ message: `Give ${what} in whole hours.` })
    .int({ message: `Give ${what} in whole hours.` })
    .min(0, { message: `${what} cannot be negative.` })
    .max(720, { message: `${what} can be at most 720 hours (30 days).` });

/** After the free window: this percent of what was paid goes back until `hoursBefore` the start. */
export const RefundTier = z.object({
  hoursBefore: hours('The hours of a refund tier'),
  percent: z
    .number({ message: 'Give the refund as a whole percent.' })
    .int({ message: 'Give the refund as a whole percent.' })
    .min(1, { message: 'A refund tier refunds at least 1%.' })
    .max(99, { message: 'A tier refunds less than 100%; the full refund is the free window.' }),
});
export type RefundTier = z.infer<typeof RefundTier>;

export const CancellationPolicy = z
  .object({
    /** Cancelling at least this many hours before the start refunds in full (less the fee). */
    freeCancelHours: hours('The free cancellation window'),
    /** Partial refunds after the free window, any order; no tier applies: no refund. */
    refundTiers: z.array(RefundTier).max(5, { message: 'Use at most 5 refund tiers.' }),
    /** Minor units of the clinic's currency, kept from any refund. */
    feeAmount: z
      .number({ message: 'Give the fee as an amount.' })
      .int({ message: 'Give the fee in the currency’s smallest unit.' })
      .min(0, { message: 'The fee cannot be negative.' })
      .max(100_000_000, { message: 'The fee is too large.' }),
    /** A patient may move the booking until this many hours before the start. */
    rescheduleHours: hours('The reschedule window'),
    maxReschedules: z
      .number({ message: 'Give how many times a booking may be moved.' })
      .int({ message: 'Give how many times a booking may be moved as a whole number.' })
      .min(0, { message: 'The number of moves cannot be negative.' })
      .max(10, { message: 'Allow at most 10 moves.' }),
  })
  .refine((p) => p.refundTiers.every((t) => t.hoursBefore < p.freeCancelHours), {
    message: 'Each refund tier must end before the free cancellation window does.',
    path: ['refundTiers'],
  })
  .refine((p) => new Set(p.refundTiers.map((t) => t.hoursBefore)).size === p.refundTiers.length, {
    message: 'Two refund tiers end at the same hour; merge them.',
    path: ['refundTiers'],
  });
export type CancellationPolicy = z.infer<typeof CancellationPolicy>;

export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = {
  freeCancelHours: 24,
  refundTiers: [],
  feeAmount: 0,
  rescheduleHours: 24,
  maxReschedules: 2,
};

/** What a booking keeps: the numbers, the fee's currency and the sentence the patient was shown. */
export interface PolicySnapshot extends CancellationPolicy {
  currency: string;
  sentence: string;
}

/** Tiers from the latest (largest hours before) to the earliest, as a patient reads them. */
export function sortedTiers(policy: Pick<CancellationPolicy, 'refundTiers'>): RefundTier[] {
  return [...policy.refundTiers].sort((a, b) => b.hoursBefore - a.hoursBefore);
}
