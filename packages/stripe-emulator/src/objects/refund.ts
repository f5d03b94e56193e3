/** Builds refund objects for card charges. */
import type Stripe from 'stripe';
import { newId } from '../ids';

export interface RefundInput {
  charge: Stripe.Charge;
  amount: number;
  created: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
}

export function buildRefund(input: RefundInput): Stripe.Refund {
  return {
    id: newId('re', 24),
    object: 'refund',
    amount: input.amount,
    balance_transaction: newId('txn', 24),
    charge: input.charge.id,
    created: input.created,
    currency: input.charge.currency,
    customer: null,
    customer_account: null,
    // The card network's reference (ARN) arrives after the refund: a refund.updated carries it.
    destination_details: {
      card: {
        reference_status: 'pending',
        reference_type: 'acquirer_reference_number',
        type: 'refund',
      },
      type: 'card',
    },
    metadata: input.metadata,
    payment_intent:
      typeof input.charge.payment_intent === 'string' ? input.charge.payment_intent : null,
    payment_method: input.charge.payment_method,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    // Card refunds succeed at once in test mode, as at Stripe.
    status: 'succeeded',
    transfer_reversal: null,
  };
}
