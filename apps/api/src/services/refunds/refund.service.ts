import { formatMoney } from '@clinicpay/contracts';
import {
  findRefund,
  findRefundPaymentId,
  insertRefund,
  lockPayment,
  recordPaymentEvent,
  settleRefund as settleRefundRow,
  sumRefunds,
  type Database,
  type Kysely,
  type RefundWithPayment,
  type Transaction,
} from '@clinicpay/db';
import { GatewayError, type RefundReason } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { queueRefundMail } from '../mail/queue-mail.js';
import { applyRefundSucceeded } from './refunded-total.js';

export interface RefundRequest {
  paymentId: string;
  /** Minor units; omitted: all that is left. */
  amount?: number | undefined;
  reason?: string | undefined;
  /** 'admin:<email>', 'patient' (a cancel under the policy), 'system' (automatic refunds). */
  requestedBy: string;
  /** One per request and payment: the same key never refunds a payment twice, here or at Stripe. */
  idempotencyKey: string;
}

export interface RefundOutcome {
  refundId: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'requires_action';
  amount: number;
  currency: string;
  stripeRefundId: string | null;
  failureReason: string | null;
}

/**
 * Refunds a card payment, fully or in part, and answers with Stripe's verdict: the Refund row is
 * reserved (pending, with the idempotency key), then sent. Stripe refusing it is an error here,
 * since nothing else changed. A refund that cannot reach Stripe now stays pending; the sweeper
 * sends it. The appointment is left as it is.
 */
export async function refundPayment(deps: AppDeps, request: RefundRequest): Promise<RefundOutcome> {
  const reserved = await deps.db
    .transaction()
    .execute((trx) => reserveRefund(trx, request, deps.clock.now()));
  const outcome = await sendRefund(deps, reserved.refundId);
  if (outcome.status === 'failed')
    throw new AppError(
      'refund_failed',
      `Stripe refused the refund: ${outcome.failureReason ?? 'no reason given'}.`,
    );
  return outcome;
}

/**
 * Step 1, inside the caller's transaction (so a cancel and its refund commit together): with the
 * payment locked, check what is left and write the pending row. The same key returns the same row.
 */
export async function reserveRefund(
  trx: Transaction<Database>,
  request: RefundRequest,
  at: Date,
): Promise<RefundOutcome> {
  const payment = await lockPayment(trx, { paymentId: request.paymentId });
  if (!payment) throw new AppError('payment_not_found', 'This payment does not exist.');
  // After the lock: a concurrent request with the same key has committed or not started.
  // A key is bound to its payment: the same key for another payment is another refund.
  const existing = await findRefund(trx, {
    paymentId: payment.id,
    idempotencyKey: request.idempotencyKey,
  });
  if (existing) return outcomeOf(existing);
  if (
    payment.gateway !== 'stripe' ||
    !['completed', 'partially_refunded'].includes(payment.status)
  ) {
    throw new AppError(
      'refund_not_allowed',
      'Only card payments that were completed can be refunded.',
    );
  }
  const pending = await sumRefunds(trx, payment.id, ['pending', 'requires_action']);
  const left = payment.amount - payment.amount_refunded - pending;
  const amount = request.amount ?? left;
  if (!(Number.isSafeInteger(amount) && amount > 0)) {
    throw new AppError(
      'refund_too_large',
      left > 0
        ? 'Enter an amount greater than zero.'
        : 'Nothing is left to refund on this payment.',
    );
  }
  if (amount > left) {
    throw new AppError(
      'refund_too_large',
      `You can refund at most ${formatMoney({ amount: left, currency: payment.currency })} of this payment.`,
    );
  }
  const refundId = await insertRefund(trx, {
    paymentId: payment.id,
    amount,
    currency: payment.currency,
    status: 'pending',
    idempotencyKey: request.idempotencyKey,
    reason: request.reason ?? null,
    requestedBy: request.requestedBy,
    at,
  });
  await recordPaymentEvent(trx, payment.id, payment.status, payment.status, {
    source: sourceOf(request.requestedBy),
    at,
    reason: 'refund_requested',
    details: { refund_id: refundId, amount, requested_by: request.requestedBy },
  });
  return outcomeOf((await findRefund(trx, { id: refundId }))!);
}

/**
 * Step 2, outside any transaction: asks Stripe with the row's idempotency key (so a resend never
 * refunds twice) and settles the row from the answer. A network failure leaves it pending.
 */
export async function sendRefund(deps: AppDeps, refundId: string): Promise<RefundOutcome> {
  const row = await findRefund(deps.db, { id: refundId });
  if (!row) throw new Error(`No refund ${refundId}`);
  if (row.status !== 'pending' || row.stripe_refund_id) return outcomeOf(row);
  const settings = await loadStripeSettings(deps);
  const secretKey = row.mode ? settings?.keys[row.mode].secretKey : null;
  if (!secretKey || !row.payment_intent_id) {
    return settleRefund(
      deps.db,
      row.id,
      {
        status: 'failed',
        failureReason:
          'Stripe is not configured for this payment; refund it in the Stripe Dashboard',
      },
      deps.clock.now(),
    );
  }
  try {
    const refund = await deps.stripeGatewayFor(secretKey).refund({
      paymentIntentId: row.payment_intent_id,
      amount: row.amount,
      reason: stripeReason(row.reason),
      // Stripe's keys are account-wide: the payment in the key keeps two payments' refunds apart.
      idempotencyKey: `refund:${row.payment_id}:${row.idempotency_key}`,
      metadata: { refund_id: row.id, payment_id: row.payment_id },
    });
    return await settleRefund(
      deps.db,
      row.id,
      { status: refund.status, stripeRefundId: refund.id },
      deps.clock.now(),
    );
  } catch (error) {
    if (!(error instanceof GatewayError) || error.retryable) {
      deps.logger.warn({ err: error, refundId }, 'refund not sent; the sweeper resends it');
      return outcomeOf(row);
    }
    return settleRefund(
      deps.db,
      row.id,
      { status: 'failed', failureReason: error.stripeMessage ?? error.message },
      deps.clock.now(),
    );
  }
}

/** Stripe's answer, by compare-and-set (a webhook may have settled it first); payment locked first. */
async function settleRefund(
  db: Kysely<Database>,
  refundId: string,
  answer: { status: RefundOutcome['status']; stripeRefundId?: string; failureReason?: string },
  at: Date,
): Promise<RefundOutcome> {
  return db.transaction().execute(async (trx) => {
    const paymentId = await findRefundPaymentId(trx, refundId);
    await lockPayment(trx, { paymentId });
    await settleRefundRow(trx, refundId, answer, at);
    const row = (await findRefund(trx, { id: refundId }))!;
    if (row.status === 'succeeded') {
      // The payment shows refunds Stripe confirmed at once; charge.refunded brings the same total later.
      await applyRefundSucceeded(trx, paymentId, {
        source: 'system',
        at,
        reason: 'refund_succeeded',
      });
      await queueRefundMail(trx, refundId, at);
    }
    return outcomeOf(row);
  });
}

function outcomeOf(row: RefundWithPayment): RefundOutcome {
  return {
    refundId: row.id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    stripeRefundId: row.stripe_refund_id,
    failureReason: row.failure_reason,
  };
}

const STRIPE_REASONS: readonly RefundReason[] = [
  'requested_by_customer',
  'duplicate',
  'fraudulent',
];
function stripeReason(reason: string | null): RefundReason | undefined {
  return STRIPE_REASONS.find((r) => r === reason);
}

function sourceOf(requestedBy: string): 'system' | 'patient' | 'admin' {
  if (requestedBy === 'system' || requestedBy === 'patient') return requestedBy;
  return 'admin';
}
