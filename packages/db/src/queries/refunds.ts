import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { RefundStatus } from '../statuses.js';

/** A refund with what sending it to Stripe needs from its payment. */
function refundWithPayment(db: Kysely<Database>) {
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

export type RefundWithPayment = NonNullable<
  Awaited<ReturnType<ReturnType<typeof refundWithPayment>['executeTakeFirst']>>
>;

/** One refund by our id, or by the idempotency key it was asked with for its payment. */
export async function findRefund(
  db: Kysely<Database>,
  by: { id: string } | { paymentId: string; idempotencyKey: string },
): Promise<RefundWithPayment | undefined> {
  const query = refundWithPayment(db);
  return (
    'id' in by
      ? query.where('refunds.id', '=', by.id)
      : query
          .where('refunds.payment_id', '=', by.paymentId)
          .where('refunds.idempotency_key', '=', by.idempotencyKey)
  ).executeTakeFirst();
}

/**
 * The total of a payment's refunds in these statuses (0 when none); with `atStripe`, only those
 * Stripe knows of (a row reserved but not yet sent has no Stripe id).
 */
export async function sumRefunds(
  db: Kysely<Database>,
  paymentId: string,
  statuses: readonly RefundStatus[],
  options: { atStripe?: boolean } = {},
): Promise<number> {
  const row = await db
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('total'))
    .where('payment_id', '=', paymentId)
    .where('status', 'in', statuses)
    .$if(options.atStripe === true, (q) => q.where('stripe_refund_id', 'is not', null))
    .executeTakeFirstOrThrow();
  return row.total;
}

export interface NewRefund {
  paymentId: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  idempotencyKey: string;
  requestedBy: string;
  reason?: string | null;
  stripeRefundId?: string | null;
  failureReason?: string | null;
  at: Date;
}

/** Writes a refund row; returns its id. */
export async function insertRefund(trx: Transaction<Database>, refund: NewRefund): Promise<string> {
  const { id } = await trx
    .insertInto('refunds')
    .values({
      payment_id: refund.paymentId,
      amount: refund.amount,
      currency: refund.currency,
      status: refund.status,
      idempotency_key: refund.idempotencyKey,
      reason: refund.reason ?? null,
      requested_by: refund.requestedBy,
      stripe_refund_id: refund.stripeRefundId ?? null,
      failure_reason: refund.failureReason ?? null,
      created_at: refund.at,
      updated_at: refund.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findRefundPaymentId(db: Kysely<Database>, refundId: string): Promise<string> {
  const { payment_id } = await db
    .selectFrom('refunds')
    .select('payment_id')
    .where('id', '=', refundId)
    .executeTakeFirstOrThrow();
  return payment_id;
}

/** Stripe's answer to our request, by compare-and-set: only a refund still waiting changes. */
export async function settleRefund(
  trx: Transaction<Database>,
  refundId: string,
  answer: { status: RefundStatus; stripeRefundId?: string; failureReason?: string },
  at: Date,
): Promise<void> {
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
}

/**
 * Locks the refund a Stripe refund event is about: ours by Stripe's id, or by the id we put in
 * its metadata (a refund Stripe reports before our request's answer gave us its id).
 */
export async function lockRefundOfPayment(
  trx: Transaction<Database>,
  paymentId: string,
  by: { stripeRefundId: string; ourRefundId: string | null },
) {
  return trx
    .selectFrom('refunds')
    .select(['id', 'status'])
    .where('payment_id', '=', paymentId)
    .where((eb) =>
      by.ourRefundId
        ? eb.or([eb('stripe_refund_id', '=', by.stripeRefundId), eb('id', '=', by.ourRefundId)])
        : eb('stripe_refund_id', '=', by.stripeRefundId),
    )
    .forUpdate()
    .executeTakeFirst();
}

/** A refund's state as a Stripe event reports it. */
export async function updateRefundFromStripe(
  trx: Transaction<Database>,
  refundId: string,
  report: { status: RefundStatus; stripeRefundId: string; failureReason: string | null; at: Date },
): Promise<void> {
  await trx
    .updateTable('refunds')
    .set({
      status: report.status,
      stripe_refund_id: report.stripeRefundId,
      failure_reason: report.failureReason,
      updated_at: report.at,
    })
    .where('id', '=', refundId)
    .execute();
}

/** Refunds reserved before `before` that never reached Stripe, oldest first. */
export async function findUnsentRefunds(db: Kysely<Database>, before: Date, limit: number) {
  return db
    .selectFrom('refunds')
    .select('id')
    .where('status', '=', 'pending')
    .where('stripe_refund_id', 'is', null)
    .where('created_at', '<=', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
