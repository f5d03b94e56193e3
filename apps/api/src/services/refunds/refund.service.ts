import { formatMoney } from '@clinicpay/contracts';
import {
  lockPayment,
  recordPaymentEvent,
  sql,
  type Database,
  type Kysely,
  type Transaction,
} from '@clinicpay/db';
import { GatewayError, type RefundReason } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { applyRefundedTotal } from './refund-events.js';

export interface RefundRequest {
  paymentId: string;
  /** Minor units; omitted: all that is left. */
  amount?: number | undefined;
  reason?: string | undefined;
  /** 'admin:<email>', 'system' (automatic refunds). */
  requestedBy: string;
  /** One per request: the same key never refunds twice, here or at Stripe. */
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
  const existing = await selectRefund(trx)
    .where('refunds.idempotency_key', '=', request.idempotencyKey)
    .executeTakeFirst();
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
  const pending = await trx
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('total'))
    .where('payment_id', '=', payment.id)
    .where('status', 'in', ['pending', 'requires_action'])
    .executeTakeFirstOrThrow();
  const left = payment.amount - payment.amount_refunded - pending.total;
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
  const inserted = await trx
    .insertInto('refunds')
    .values({
      payment_id: payment.id,
      amount,
      currency: payment.currency,
      status: 'pending',
      idempotency_key: request.idempotencyKey,
      reason: request.reason ?? null,
      requested_by: request.requestedBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordPaymentEvent(trx, payment.id, payment.status, payment.status, {
    source: request.requestedBy === 'system' ? 'system' : 'admin',
    at,
    reason: 'refund_requested',
    details: { refund_id: inserted.id, amount, requested_by: request.requestedBy },
  });
  return outcomeOf(
    await selectRefund(trx).where('refunds.id', '=', inserted.id).executeTakeFirstOrThrow(),
  );
}

/**
 * Step 2, outside any transaction: asks Stripe with the row's idempotency key (so a resend never
 * refunds twice) and settles the row from the answer. A network failure leaves it pending.
 */
export async function sendRefund(deps: AppDeps, refundId: string): Promise<RefundOutcome> {
  const row = await selectRefund(deps.db)
    .where('refunds.id', '=', refundId)
    .executeTakeFirstOrThrow();
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
      idempotencyKey: `refund:${row.idempotency_key}`,
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

function selectRefund(db: Kysely<Database>) {
  return db
    .selectFrom('refunds')
    .innerJoin('payments', 'payments.id', 'refunds.payment_id')
    .select([
      'refunds.id',
      'refunds.payment_id',
      'refunds.amount',
      'refunds.currency',
      'refunds.status',
      'refunds.reason',
      'refunds.stripe_refund_id',
      'refunds.idempotency_key',
      'refunds.failure_reason',
      'payments.mode',
      'payments.payment_intent_id',
    ]);
}
type RefundRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectRefund>['executeTakeFirst']>>
>;

/** Stripe's answer, by compare-and-set (a webhook may have settled it first); payment locked first. */
async function settleRefund(
  db: Kysely<Database>,
  refundId: string,
  answer: { status: RefundOutcome['status']; stripeRefundId?: string; failureReason?: string },
  at: Date,
): Promise<RefundOutcome> {
  return db.transaction().execute(async (trx) => {
    const { payment_id } = await trx
      .selectFrom('refunds')
      .select('payment_id')
      .where('id', '=', refundId)
      .executeTakeFirstOrThrow();
    await lockPayment(trx, { paymentId: payment_id });
    await trx
      .updateTable('refunds')
      .set({
        status: answer.status,
        updated_at: at,
        ...(answer.stripeRefundId ? { stripe_refund_id: answer.stripeRefundId } : {}),
        ...(answer.failureReason ? { failure_reason: answer.failureReason.slice(0, 500) } : {}),
      })
      .where('id', '=', refundId)
      .where('status', 'in', ['pending', 'requires_action'])
      .execute();
    const row = await selectRefund(trx)
      .where('refunds.id', '=', refundId)
      .executeTakeFirstOrThrow();
    if (row.status === 'succeeded') {
      const succeeded = await trx
        .selectFrom('refunds')
        .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('total'))
        .where('payment_id', '=', payment_id)
        .where('status', '=', 'succeeded')
        .executeTakeFirstOrThrow();
      // The payment shows refunds Stripe confirmed at once; charge.refunded brings the same total later.
      await applyRefundedTotal(trx, payment_id, succeeded.total, {
        source: 'system',
        at,
        reason: 'refund_succeeded',
      });
    }
    return outcomeOf(row);
  });
}

function outcomeOf(row: RefundRow): RefundOutcome {
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
