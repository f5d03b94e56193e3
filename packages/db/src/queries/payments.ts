import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Payment } from '../schema.js';
import type { Gateway, GatewayMode, PaymentStatus } from '../statuses.js';

export const paymentColumns = [
  'id',
  'appointment_id',
  'gateway',
  'mode',
  'amount',
  'currency',
  'status',
  'checkout_session_id',
  'payment_intent_id',
  'charge_id',
  'amount_refunded',
  'failure_code',
  'failure_message',
  'dispute_status',
  'flagged_reason',
  'completed_at',
  'created_at',
] as const;

/** Locks one payment for a state change. Found by our id, else by Stripe's intent or charge id. */
export async function lockPayment(
  trx: Transaction<Database>,
  by: { paymentId?: string | null; paymentIntentId?: string | null; chargeId?: string | null },
) {
  let query = trx.selectFrom('payments').select(paymentColumns).forUpdate();
  if (by.paymentId && isUuid(by.paymentId)) query = query.where('id', '=', by.paymentId);
  else if (by.paymentIntentId) query = query.where('payment_intent_id', '=', by.paymentIntentId);
  else if (by.chargeId) query = query.where('charge_id', '=', by.chargeId);
  else return undefined;
  return query.executeTakeFirst();
}

export async function lockAppointment(trx: Transaction<Database>, appointmentId: string) {
  return trx
    .selectFrom('appointments')
    .select([
      'id',
      'status',
      'doctor_id',
      'starts_at',
      'ends_at',
      'hold_expires_at',
      'reference',
      'cancel_requested_reason',
      'reschedule_count',
      'cancellation_policy',
    ])
    .where('id', '=', appointmentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** metadata.payment_id comes from outside: a malformed one must not reach a uuid comparison. */
function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface BookingPayment {
  appointmentId: string;
  gateway: Gateway;
  mode: GatewayMode | null;
  amount: number;
  currency: string;
  status: PaymentStatus;
  at: Date;
}

/** Writes a booking's payment row; returns its id. */
export async function insertPayment(trx: Transaction<Database>, payment: BookingPayment) {
  const { id } = await trx
    .insertInto('payments')
    .values({
      appointment_id: payment.appointmentId,
      gateway: payment.gateway,
      mode: payment.mode,
      amount: payment.amount,
      currency: payment.currency,
      status: payment.status,
      created_at: payment.at,
      updated_at: payment.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The Stripe ids a payment learns over its life; each is written once, when first seen. */
export type PaymentStripeIds = Partial<
  Pick<Payment, 'checkout_session_id' | 'payment_intent_id' | 'charge_id'>
>;

export async function setPaymentStripeIds(
  trx: Transaction<Database>,
  paymentId: string,
  ids: PaymentStripeIds,
): Promise<void> {
  await trx.updateTable('payments').set(ids).where('id', '=', paymentId).execute();
}

/** Step 3 of a booking: the checkout session belongs to this payment from now on. */
export async function attachCheckoutSession(
  db: Kysely<Database>,
  paymentId: string,
  checkoutSessionId: string,
): Promise<void> {
  await db
    .updateTable('payments')
    .set({ checkout_session_id: checkoutSessionId })
    .where('id', '=', paymentId)
    .where('checkout_session_id', 'is', null)
    .execute();
}

/** The open (pending) payment of an appointment, if any. */
export async function findPendingPaymentOf(trx: Transaction<Database>, appointmentId: string) {
  return trx
    .selectFrom('payments')
    .select('id')
    .where('appointment_id', '=', appointmentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** An appointment's newest payment: what cancelling it must settle. */
export async function findLatestPaymentOf(db: Kysely<Database>, appointmentId: string) {
  return db
    .selectFrom('payments')
    .select(['id', 'status', 'checkout_session_id', 'mode'])
    .where('appointment_id', '=', appointmentId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Locks an appointment's payment of one gateway, or in one status, for a desk action. */
export async function lockPaymentOfAppointment(
  trx: Transaction<Database>,
  appointmentId: string,
  where: { gateway: Gateway } | { status: PaymentStatus },
) {
  const query = trx
    .selectFrom('payments')
    .select(['id', 'status'])
    .where('appointment_id', '=', appointmentId);
  return (
    'gateway' in where
      ? query.where('gateway', '=', where.gateway)
      : query.where('status', '=', where.status)
  )
    .forUpdate()
    .executeTakeFirst();
}

/** Flags a payment for the admin (a refund that failed, a dispute, money without a booking). */
export async function flagPayment(
  trx: Transaction<Database>,
  paymentId: string,
  flag: { reason: string; disputeStatus?: string; at?: Date },
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({
      flagged_reason: flag.reason,
      ...(flag.disputeStatus !== undefined ? { dispute_status: flag.disputeStatus } : {}),
      ...(flag.at ? { updated_at: flag.at } : {}),
    })
    .where('id', '=', paymentId)
    .execute();
}

/** The refunded total of a payment not yet settled (kept until its success applies it). */
export async function setAmountRefunded(
  trx: Transaction<Database>,
  paymentId: string,
  total: number,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({ amount_refunded: total, updated_at: at })
    .where('id', '=', paymentId)
    .execute();
}

/** A failed attempt under the "retry" policy: the payment stays pending with the failure shown. */
export async function recordPaymentFailure(
  trx: Transaction<Database>,
  paymentId: string,
  failure: PaymentStripeIds & { failure_code: string | null; failure_message: string | null },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('payments')
    .set({ ...failure, updated_at: at })
    .where('id', '=', paymentId)
    .execute();
}

/**
 * Card payments pending since before `createdBefore`, least recently checked with Stripe first.
 * One whose hold runs to the appointment's start is waiting on a delayed payment method, which
 * Stripe decides in days, not seconds: it is checked only when last checked before `slowBefore`.
 */
export async function findPaymentsToReconcile(
  db: Kysely<Database>,
  options: { createdBefore: Date; slowBefore: Date; limit: number },
) {
  const lastChecked = sql<Date>`coalesce(payments.reconciled_at, payments.created_at)`;
  return (
    db
      .selectFrom('payments')
      .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
      .select([
        'payments.id',
        'payments.checkout_session_id',
        'payments.mode',
        'payments.failure_code',
        'payments.failure_message',
      ])
      .where('payments.gateway', '=', 'stripe')
      .where('payments.status', '=', 'pending')
      .where('payments.checkout_session_id', 'is not', null)
      .where('payments.created_at', '<=', options.createdBefore)
      .where((eb) =>
        eb.or([
          eb('appointments.hold_expires_at', '<', eb.ref('appointments.starts_at')),
          eb(lastChecked, '<=', options.slowBefore),
        ]),
      )
      // Least recently checked first: with more than a batch of checkouts open, each sweep moves
      // on to the next ones instead of asking about the same batch again.
      .orderBy(lastChecked)
      .orderBy('payments.id')
      .limit(options.limit)
      .execute()
  );
}

export async function markPaymentReconciled(
  db: Kysely<Database>,
  paymentId: string,
  at: Date,
): Promise<void> {
  await db.updateTable('payments').set({ reconciled_at: at }).where('id', '=', paymentId).execute();
}

/**
 * Claims the right to ask Stripe about a payment for a status read: true for one caller per
 * `minIntervalMs`, whichever request or replica it is (one conditional UPDATE decides).
 */
export async function claimStripeRead(
  db: Kysely<Database>,
  paymentId: string,
  now: Date,
  minIntervalMs: number,
): Promise<boolean> {
  const since = new Date(now.getTime() - minIntervalMs);
  const claimed = await db
    .updateTable('payments')
    .set({ stripe_read_at: now })
    .where('id', '=', paymentId)
    .where((eb) => eb.or([eb('stripe_read_at', 'is', null), eb('stripe_read_at', '<=', since)]))
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}
