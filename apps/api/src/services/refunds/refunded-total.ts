import {
  flagPayment,
  lockPayment,
  recordPaymentEvent,
  setAmountRefunded,
  sumRefunds,
  transitionPayment,
} from '@clinicpay/db';
import type { Cause, Tx } from '../fulfilment/fulfilment-types.js';

/**
 * How much of a payment went back to the patient, kept on the payment as `amount_refunded`.
 *
 * The refund rows are the truth: what succeeded counts; pending does not (Stripe may still fail
 * it). Stripe's own total (charge.refunded's `amount_refunded`) counts pending refunds too, and
 * arrives late and out of order, so it only adds what no row explains yet (a Dashboard refund
 * whose refund.created has not arrived) and never lowers the total. A refund that fails lowers
 * it again: a Refunded payment goes back to Completed or Partially refunded, flagged.
 */

/** charge.refunded: Stripe's total, as a floor for what our rows do not explain yet. */
export async function applyReportedRefundTotal(
  trx: Tx,
  paymentId: string,
  reported: number,
  cause: Cause,
): Promise<boolean> {
  const payment = await lockPayment(trx, { paymentId });
  if (!payment) return false;
  const succeeded = await sumRefunds(trx, paymentId, ['succeeded']);
  // Refunds Stripe knows that are not money returned (yet, or ever): a late report may still
  // count one that has since failed, so they come off what the report says.
  const notReturned = await sumRefunds(
    trx,
    paymentId,
    ['pending', 'requires_action', 'failed', 'canceled'],
    { atStripe: true },
  );
  const total = Math.max(payment.amount_refunded, succeeded, reported - notReturned);
  return setRefundedTotal(trx, payment, total, cause);
}

/** A refund row became succeeded: the money is back with the patient. */
export async function applyRefundSucceeded(
  trx: Tx,
  paymentId: string,
  cause: Cause,
): Promise<boolean> {
  const payment = await lockPayment(trx, { paymentId });
  if (!payment) return false;
  const succeeded = await sumRefunds(trx, paymentId, ['succeeded']);
  return setRefundedTotal(trx, payment, Math.max(payment.amount_refunded, succeeded), cause);
}

/**
 * A refund row became failed or canceled: its amount comes off the total if the total counted
 * it (it had succeeded, or Stripe's report included it), and the admin is told either way.
 */
export async function applyRefundFailed(
  trx: Tx,
  paymentId: string,
  refund: { amount: number; stripeRefundId: string | null },
  cause: Cause,
): Promise<boolean> {
  const payment = await lockPayment(trx, { paymentId });
  if (!payment) return false;
  const succeeded = await sumRefunds(trx, paymentId, ['succeeded']);
  const total = Math.max(succeeded, payment.amount_refunded - refund.amount);
  await flagPayment(trx, payment.id, { reason: 'refund_failed', at: cause.at });
  const moved = await setRefundedTotal(trx, payment, total, {
    ...cause,
    reason: 'refund_failed',
    details: { refund_id: refund.stripeRefundId },
  });
  if (!moved) {
    await recordPaymentEvent(trx, payment.id, payment.status, payment.status, {
      ...cause,
      reason: 'refund_failed',
      details: { refund_id: refund.stripeRefundId },
    });
  }
  return true;
}

/** Completed, Partially refunded or Refunded, from what was charged and what went back. */
export function statusAfterRefunds(
  amount: number,
  refunded: number,
): 'completed' | 'partially_refunded' | 'refunded' {
  if (refunded <= 0) return 'completed';
  return refunded >= amount ? 'refunded' : 'partially_refunded';
}

const SETTLED = ['completed', 'partially_refunded', 'refunded'] as const;

/**
 * Writes the total and the status it implies. Before the payment is settled (a refund reported
 * before its success) only the total is kept; the success then applies it.
 */
async function setRefundedTotal(
  trx: Tx,
  payment: { id: string; amount: number; amount_refunded: number; status: string },
  wanted: number,
  cause: Cause,
): Promise<boolean> {
  const total = Math.min(Math.max(wanted, 0), payment.amount);
  const settled = SETTLED.find((status) => status === payment.status);
  if (!settled) {
    if (total === payment.amount_refunded) return false;
    await setAmountRefunded(trx, payment.id, total, cause.at);
    return true;
  }
  const to = statusAfterRefunds(payment.amount, total);
  if (to === settled && total === payment.amount_refunded) return false;
  return transitionPayment(trx, payment.id, [settled], to, cause, { amount_refunded: total });
}
