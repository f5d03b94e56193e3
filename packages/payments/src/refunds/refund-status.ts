/** Stripe's refund statuses, closed: Stripe types the field as any string or null. */
export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

const STATUSES: readonly string[] = [
  'pending',
  'requires_action',
  'succeeded',
  'failed',
  'canceled',
];

/** Stripe's status, or `pending` for none or one this code does not know (never read as final). */
export function refundStatus(status: string | null | undefined): RefundStatus {
  return status && STATUSES.includes(status) ? (status as RefundStatus) : 'pending';
}
