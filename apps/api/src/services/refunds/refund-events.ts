import {
  insertRefund,
  lockRefundOfPayment,
  setPaymentStripeIds,
  updateRefundFromStripe,
} from '@clinicpay/db';
import type { ChargeRefundedEffect, RefundUpdatedEffect } from '@clinicpay/payments';
import { type Cause, type FulfilmentResult, type Tx } from '../fulfilment/fulfilment-types.js';
import { queueRefundMail } from '../mail/queue-mail.js';
import { lockPaymentOfMode } from '../fulfilment/lock-event-payment.js';
import {
  applyRefundFailed,
  applyRefundSucceeded,
  applyReportedRefundTotal,
} from './refunded-total.js';

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
  const payment = await lockPaymentOfMode(trx, fact, livemode);
  if (!payment) return { outcome: 'not_ours' };
  if (!payment.charge_id) await setPaymentStripeIds(trx, payment.id, { charge_id: fact.chargeId });
  const changed = await applyReportedRefundTotal(trx, payment.id, fact.amountRefunded, cause);
  return { outcome: changed ? 'applied' : 'no_change' };
}

/** A refund's own status: the row Clinicpay created, or a new one for a Dashboard refund. */
export async function applyRefundUpdated(
  trx: Tx,
  fact: RefundUpdatedEffect,
  livemode: boolean,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockPaymentOfMode(trx, fact, livemode);
  if (!payment) return { outcome: 'not_ours' };
  const ourRefundId = fact.metadata.refund_id;
  const existing = await lockRefundOfPayment(trx, payment.id, {
    stripeRefundId: fact.refundId,
    ourRefundId: ourRefundId && /^[0-9a-f-]{36}$/i.test(ourRefundId) ? ourRefundId : null,
  });
  if (!existing) {
    const refundId = await insertRefund(trx, {
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
    await applyRefundStatus(trx, { paymentId: payment.id, refundId }, null, fact, cause);
    return { outcome: 'applied' };
  }
  if (!refundMayMove(existing.status, fact.status)) return { outcome: 'no_change' };
  await updateRefundFromStripe(trx, existing.id, {
    status: fact.status,
    stripeRefundId: fact.refundId,
    failureReason: fact.failureReason,
    at: cause.at,
  });
  const ids = { paymentId: payment.id, refundId: existing.id };
  await applyRefundStatus(trx, ids, existing.status, fact, cause);
  return { outcome: 'applied' };
}

/** What a refund's new status means for the payment's refunded total. */
async function applyRefundStatus(
  trx: Tx,
  { paymentId, refundId }: { paymentId: string; refundId: string },
  from: string | null,
  fact: RefundUpdatedEffect,
  cause: Cause,
): Promise<void> {
  if (fact.status === 'succeeded') {
    await applyRefundSucceeded(trx, paymentId, cause);
    await queueRefundMail(trx, refundId, cause.at);
  }
  // Rare, but Stripe does fail a refund, even after it succeeded (a closed card): the money did
  // not reach the patient, which an admin must know.
  if ((fact.status === 'failed' || fact.status === 'canceled') && from !== fact.status) {
    await applyRefundFailed(
      trx,
      paymentId,
      { amount: fact.amount, stripeRefundId: fact.refundId },
      cause,
    );
  }
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
