import {
  flagPayment,
  insertRefund,
  lockPayment,
  lockRefundOfPayment,
  recordPaymentEvent,
  setAmountRefunded,
  setPaymentStripeIds,
  transitionPayment,
  updateRefundFromStripe,
} from '@clinicpay/db';
import type { ChargeRefundedEffect, RefundUpdatedEffect } from '@clinicpay/payments';
import {
  type Cause,
  type FulfilmentResult,
  modeOf,
  type Tx,
} from '../fulfilment/fulfilment-types.js';

/**
 * The charge's refunded total, from Stripe: Refunded when all of it, else Partially refunded.
 * Refunds made in Stripe's Dashboard arrive this way too. The appointment is left as it is.
 */
export async function applyChargeRefunded(
  trx: Tx,
  fact: ChargeRefundedEffect,
  livemode: boolean,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockPayment(trx, {
    paymentId: fact.paymentId,
    paymentIntentId: fact.paymentIntentId,
    chargeId: fact.chargeId,
  });
  if (!payment || payment.mode !== modeOf(livemode)) return { outcome: 'not_ours' };
  if (!payment.charge_id) await setPaymentStripeIds(trx, payment.id, { charge_id: fact.chargeId });
  const changed = await applyRefundedTotal(trx, payment.id, fact.amountRefunded, cause);
  return { outcome: changed ? 'applied' : 'no_change' };
}

/**
 * Records how much of a payment went back. The total only grows (an older report arriving late
 * never lowers it). Before the payment is settled (a refund reported before its success), only the
 * total is kept; the success then applies it.
 */
export async function applyRefundedTotal(
  trx: Tx,
  paymentId: string,
  reportedTotal: number,
  cause: Cause,
): Promise<boolean> {
  const payment = await lockPayment(trx, { paymentId });
  if (!payment) return false;
  const total = Math.min(Math.max(payment.amount_refunded, reportedTotal), payment.amount);
  if (!['completed', 'partially_refunded', 'refunded'].includes(payment.status)) {
    if (total === payment.amount_refunded) return false;
    await setAmountRefunded(trx, payment.id, total, cause.at);
    return true;
  }
  const to = statusAfterRefunds(payment.amount, total);
  if (to === payment.status && total === payment.amount_refunded) return false;
  return transitionPayment(trx, payment.id, [payment.status], to, cause, {
    amount_refunded: total,
  });
}

/** Completed, Partially refunded or Refunded, from what was charged and what went back. */
export function statusAfterRefunds(
  amount: number,
  refunded: number,
): 'completed' | 'partially_refunded' | 'refunded' {
  if (refunded <= 0) return 'completed';
  return refunded >= amount ? 'refunded' : 'partially_refunded';
}

/** A refund's own status: the row Clinicpay created, or a new one for a Dashboard refund. */
export async function applyRefundUpdated(
  trx: Tx,
  fact: RefundUpdatedEffect,
  livemode: boolean,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockPayment(trx, {
    paymentIntentId: fact.paymentIntentId,
    chargeId: fact.chargeId,
  });
  if (!payment || payment.mode !== modeOf(livemode)) return { outcome: 'not_ours' };
  const ourRefundId = fact.metadata.refund_id;
  const existing = await lockRefundOfPayment(trx, payment.id, {
    stripeRefundId: fact.refundId,
    ourRefundId: ourRefundId && /^[0-9a-f-]{36}$/i.test(ourRefundId) ? ourRefundId : null,
  });
  if (!existing) {
    await insertRefund(trx, {
      paymentId: payment.id,
      amount: fact.amount,
      currency: fact.currency.toUpperCase(),
      status: fact.status,
      stripeRefundId: fact.refundId,
      idempotencyKey: `stripe:${fact.refundId}`,
      requestedBy: 'stripe_dashboard',
      failureReason: fact.failureReason,
      at: cause.at,
    });
    return { outcome: 'applied' };
  }
  if (!refundMayMove(existing.status, fact.status)) return { outcome: 'no_change' };
  await updateRefundFromStripe(trx, existing.id, {
    status: fact.status,
    stripeRefundId: fact.refundId,
    failureReason: fact.failureReason,
    at: cause.at,
  });
  if (existing.status === 'succeeded' && fact.status === 'failed') {
    // Rare, but Stripe does fail a refund after it succeeded (a closed card): the money did not
    // reach the patient, which an admin must know.
    await flagPayment(trx, payment.id, { reason: 'refund_failed', at: cause.at });
    await recordPaymentEvent(trx, payment.id, payment.status, payment.status, {
      ...cause,
      reason: 'refund_failed',
      details: { refund_id: fact.refundId },
    });
  }
  return { outcome: 'applied' };
}

/**
 * Refund states only move forward: a late "pending" never reopens a settled refund. Failed and
 * canceled are final; succeeded can still fail (Stripe reports it with refund.failed).
 */
function refundMayMove(from: string, to: string): boolean {
  if (from === to || from === 'failed' || from === 'canceled') return false;
  if (from === 'succeeded') return to === 'failed';
  return true;
}
