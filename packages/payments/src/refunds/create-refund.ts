/** Refunds, by payment intent, always with the caller's idempotency key (one refund per request). */
import type Stripe from 'stripe';
import { GatewayError } from '../gateway-errors';
import { refundStatus, type RefundStatus } from './refund-status';

export type RefundReason = 'requested_by_customer' | 'duplicate' | 'fraudulent';

export interface RefundInput {
  paymentIntentId: string;
  /** Minor units; omitted: whatever is left of the payment. */
  amount?: number | undefined;
  reason?: RefundReason | undefined;
  /** From our refund row, so a retried request never refunds twice. */
  idempotencyKey: string;
  /** Opaque ids only (e.g. our refund and payment ids), never health information. */
  metadata: Record<string, string>;
}

export interface RefundResult {
  id: string;
  status: RefundStatus;
  amount: number;
  currency: string;
}

export async function createRefund(stripe: Stripe, input: RefundInput): Promise<RefundResult> {
  if (input.amount !== undefined && !(Number.isSafeInteger(input.amount) && input.amount > 0)) {
    throw new GatewayError(
      'invalid_request',
      'A refund amount must be a positive integer of minor units',
    );
  }
  if (!input.idempotencyKey)
    throw new GatewayError('invalid_request', 'A refund needs an idempotency key');
  const refund = await stripe.refunds.create(
    {
      payment_intent: input.paymentIntentId,
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      metadata: input.metadata,
    },
    { idempotencyKey: input.idempotencyKey },
  );
  return {
    id: refund.id,
    status: refundStatus(refund.status),
    amount: refund.amount,
    currency: refund.currency,
  };
}
