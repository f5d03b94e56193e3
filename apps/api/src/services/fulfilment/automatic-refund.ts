/**
 * Money Clinicpay will not keep (paid for a booking it cannot honour) goes back without waiting
 * for an admin: the refund is reserved in this change and sent to Stripe once it commits.
 */
import { reserveRefund } from '../refunds/refund.service.js';
import type { AfterCommitAction, Cause, Tx } from './fulfilment-types.js';

export async function refundAutomatically(
  trx: Tx,
  paymentId: string,
  why: { reason: string; amount?: number | undefined },
  cause: Cause,
): Promise<AfterCommitAction> {
  // Keyed by the payment: it gets one automatic refund at the most.
  const idempotencyKey = `auto-refund:${paymentId}`;
  const request = { paymentId, ...why, requestedBy: 'system', idempotencyKey };
  const refund = await reserveRefund(trx, request, cause.at);
  return { kind: 'send_refund', refundId: refund.refundId };
}
