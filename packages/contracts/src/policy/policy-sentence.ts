import { formatMoney } from '../money/index.js';
import { sortedTiers, type CancellationPolicy } from './cancellation-policy.js';

const plural = (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'}`;

/**
 * The policy as one sentence, the same on the admin's preview, the payment step, the e-mail and
 * the booking page: "Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no
 * refund after."
 */
export function cancellationSentence(
  policy: Pick<CancellationPolicy, 'freeCancelHours' | 'refundTiers' | 'feeAmount'>,
  currency: string,
): string {
  const parts =
    policy.freeCancelHours === 0
      ? ['Cancel any time before the start for a full refund']
      : [`Cancel up to ${plural(policy.freeCancelHours)} before for a full refund`];
  for (const tier of sortedTiers(policy))
    parts.push(
      tier.hoursBefore === 0
        ? `${tier.percent}% until the start`
        : `${tier.percent}% until ${plural(tier.hoursBefore)} before`,
    );
  if (policy.freeCancelHours > 0) parts.push('no refund after');
  const fee =
    policy.feeAmount > 0
      ? ` A cancellation fee of ${formatMoney({ amount: policy.feeAmount, currency })} is kept from any refund.`
      : '';
  return `${parts.join('; ')}.${fee}`;
}

/** The reschedule half, shown beside the sentence above. */
export function rescheduleSentence(
  policy: Pick<CancellationPolicy, 'rescheduleHours' | 'maxReschedules'>,
): string {
  if (policy.maxReschedules === 0) return 'Bookings cannot be moved online.';
  const times = policy.maxReschedules === 1 ? 'once' : `up to ${policy.maxReschedules} times`;
  return policy.rescheduleHours === 0
    ? `Move your booking ${times}, any time before the start.`
    : `Move your booking ${times}, up to ${plural(policy.rescheduleHours)} before.`;
}
