import { formatMoney } from '@clinicpay/contracts';
import { lockPayment, recordPaymentEvent, sql, type Database, type Kysely, type Transaction } from '@clinicpay/db';
import { GatewayError, type RefundReason } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../trpc.js';
import { loadStripeSettings } from '../payments/stripe-settings.js';
import { statusAfterRefunds } from '../fulfilment/refunds-and-disputes.js';

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
}

/**
 * Refunds a card payment, fully or in part. The Refund row is written first (pending, with the
 * idempotency key), Stripe is asked outside any transaction with that same key, and the row then
 * takes Stripe's answer by compare-and-set; webhooks (`refund.*`, `charge.refunded`) settle the
 * rest. More than what is left is refused. The appointment is left as it is.
 */
export async function refundPayment(deps: AppDeps, request: RefundRequest): Promise<RefundOutcome> {
  const row = await reserveRefund(deps.db, request, deps.clock.now());
  if (row.status !== 'pending' || row.stripe_refund_id) return outcomeOf(row);

  const settings = await loadStripeSettings(deps);
  const secretKey = row.mode ? settings?.keys[row.mode].secretKey : null;
  if (!secretKey || !row.payment_intent_id) {
    await settleRefund(deps.db, row.id, { status: 'failed', failureReason: 'Stripe is not configured for this payment' }, deps.clock.now());
    throw new AppError('refund_failed', 'This payment cannot be refunded here: Stripe is not configured for its mode. Refund it in the Stripe Dashboard.');
  }
  try {
    const refund = await deps.stripeGatewayFor(secretKey).refund({
      paymentIntentId: row.payment_intent_id,
      amount: row.amount,
      reason: stripeReason(request.reason),
      idempotencyKey: `refund:${row.idempotency_key}`,
      metadata: { refund_id: row.id, payment_id: row.payment_id },
    });
    const settled = await settleRefund(deps.db, row.id, { status: refund.status, stripeRefundId: refund.id }, deps.clock.now());
    return outcomeOf(settled);
  } catch (error) {
    if (!(error instanceof GatewayError) || error.retryable) throw error; // stays pending; a retry with the same key resumes
    await settleRefund(deps.db, row.id, { status: 'failed', failureReason: error.stripeMessage ?? error.message }, deps.clock.now());
    throw new AppError('refund_failed', `Stripe refused the refund: ${error.stripeMessage ?? error.message}`, { cause: error });
  }
}

type ReservedRefund = Awaited<ReturnType<typeof reserveRefund>>;

/** Step 1, in one transaction with the payment locked: check what is left, write the pending row. */
async function reserveRefund(db: Kysely<Database>, request: RefundRequest, at: Date) {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(refundColumns)
      .where('refunds.idempotency_key', '=', request.idempotencyKey)
      .executeTakeFirst();
    if (existing) return existing;

    const payment = await lockPayment(trx, { paymentId: request.paymentId });
    if (!payment) throw new AppError('payment_not_found', 'This payment does not exist.');
    if (payment.gateway !== 'stripe' || !['completed', 'partially_refunded'].includes(payment.status)) {
      throw new AppError('refund_not_allowed', 'Only card payments that were completed can be refunded.');
    }
    // Again after the lock: a concurrent request with the same key may have just committed.
    const raced = await trx
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(refundColumns)
      .where('refunds.idempotency_key', '=', request.idempotencyKey)
      .executeTakeFirst();
    if (raced) return raced;

    const pending = await trx
      .selectFrom('refunds')
      .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('total'))
      .where('payment_id', '=', payment.id)
      .where('status', 'in', ['pending', 'requires_action'])
      .executeTakeFirstOrThrow();
    const left = payment.amount - payment.amount_refunded - pending.total;
    const amount = request.amount ?? left;
    if (!(Number.isSafeInteger(amount) && amount > 0)) {
      throw new AppError('refund_too_large', left > 0 ? 'Enter an amount greater than zero.' : 'Nothing is left to refund on this payment.');
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
    return trx
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(refundColumns)
      .where('refunds.id', '=', inserted.id)
      .executeTakeFirstOrThrow();
  });
}

const refundColumns = [
  'refunds.id',
  'refunds.payment_id',
  'refunds.amount',
  'refunds.currency',
  'refunds.status',
  'refunds.stripe_refund_id',
  'refunds.idempotency_key',
  'payments.mode',
  'payments.payment_intent_id',
] as const;

/** Step 3: Stripe's answer, by compare-and-set (a webhook may have settled it already). */
async function settleRefund(
  db: Kysely<Database>,
  refundId: string,
  answer: { status: RefundOutcome['status']; stripeRefundId?: string; failureReason?: string },
  at: Date,
): Promise<ReservedRefund> {
  return db.transaction().execute(async (trx) => {
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
    const row = await trx
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(refundColumns)
      .where('refunds.id', '=', refundId)
      .executeTakeFirstOrThrow();
    if (row.status === 'succeeded') await applySucceededRefunds(trx, row.payment_id, at);
    return row;
  });
}

/** The payment shows refunds Stripe confirmed at once; charge.refunded brings the same total later. */
async function applySucceededRefunds(trx: Transaction<Database>, paymentId: string, at: Date): Promise<void> {
  const payment = await lockPayment(trx, { paymentId });
  if (!payment) return;
  const succeeded = await trx
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('total'))
    .where('payment_id', '=', paymentId)
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  const total = Math.min(Math.max(payment.amount_refunded, succeeded.total), payment.amount);
  if (total === payment.amount_refunded) return;
  const to = statusAfterRefunds(payment.amount, total);
  await trx.updateTable('payments').set({ amount_refunded: total, status: to, updated_at: at }).where('id', '=', paymentId).execute();
  await recordPaymentEvent(trx, paymentId, payment.status, to, { source: 'system', at, reason: 'refund_succeeded', details: { amount_refunded: total } });
}

function outcomeOf(row: ReservedRefund): RefundOutcome {
  return { refundId: row.id, status: row.status, amount: row.amount, currency: row.currency, stripeRefundId: row.stripe_refund_id };
}

const STRIPE_REASONS: readonly RefundReason[] = ['requested_by_customer', 'duplicate', 'fraudulent'];
function stripeReason(reason: string | undefined): RefundReason | undefined {
  return STRIPE_REASONS.find((r) => r === reason);
}
