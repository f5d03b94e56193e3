import { beforeAll, describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../src/index.js';
import { dataOf, signIn, trpcMutation, trpcQuery } from './support/admin-http.js';
import { book, freeSlots, waitUntil } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';
import { payByCard } from './support/emulator-objects.js';

type Detail = RouterOutputs['admin']['transactions']['get'];
type Refunded = RouterOutputs['admin']['transactions']['refund'];

const stack = useTestStack();
let cookie: string;
beforeAll(async () => {
  cookie = await signIn(stack.api.url);
});

let next = 0;
async function paidBooking() {
  const runtime = stack.api.runtime;
  const booking = await book(runtime, { startsAt: (await freeSlots(runtime))[next++]!.startsAt });
  payByCard(stack, booking.reference);
  const payment = await waitUntil(
    () =>
      stack.api.db
        .selectFrom('payments')
        .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
        .select(['payments.id', 'payments.status'])
        .where('appointments.reference', '=', booking.reference)
        .executeTakeFirstOrThrow(),
    (p) => p.status === 'completed',
  );
  return payment.id;
}

const detail = async (paymentId: string) =>
  dataOf<Detail>(
    await trpcQuery(stack.api.url, 'admin.transactions.get', { paymentId }, { cookie }),
  );
const refund = (input: Record<string, unknown>) =>
  trpcMutation(stack.api.url, 'admin.transactions.refund', input, { cookie });

describe('a paid transaction as the admin sees it', () => {
  it('has its timeline from booking to payment, and a link into Stripe', async () => {
    const paymentId = await paidBooking();
    const transaction = await detail(paymentId);
    expect(transaction).toMatchObject({
      status: 'completed',
      refundable: 6000,
      amount: { amount: 6000, currency: 'USD' },
      refunds: [],
    });
    expect(transaction.stripe.dashboardUrl).toBe(
      `https://dashboard.stripe.com/test/payments/${transaction.stripe.paymentIntentId}`,
    );
    expect(transaction.stripe.paymentIntentId).toMatch(/^pi_/);
    const steps = transaction.timeline.map((e) => `${e.kind}:${e.from ?? ''}->${e.to}:${e.source}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        'payment:->pending:booking',
        'appointment:->pending_payment:booking',
        'payment:->completed:webhook',
        'appointment:pending_payment->confirmed:webhook',
      ]),
    );
  });
});

describe('refunds from the admin', () => {
  it('refunds in part with a reason, then the rest; the timeline and Stripe agree', async () => {
    const paymentId = await paidBooking();
    const partial = await refund({
      paymentId,
      amount: 2000,
      reason: 'Shorter visit',
      idempotencyKey: 'refund-partial-1',
    });
    expect(partial.status).toBe(200);
    expect(dataOf<Refunded>(partial)).toMatchObject({
      refund: { status: 'succeeded', amount: 2000 },
      transaction: { status: 'partially_refunded', amountRefunded: 2000, refundable: 4000 },
    });

    const again = await refund({
      paymentId,
      amount: 2000,
      reason: 'Shorter visit',
      idempotencyKey: 'refund-partial-1',
    });
    expect(dataOf<Refunded>(again).refund.refundId).toBe(dataOf<Refunded>(partial).refund.refundId);

    const rest = await refund({ paymentId, idempotencyKey: 'refund-rest-1' });
    expect(dataOf<Refunded>(rest)).toMatchObject({
      refund: { amount: 4000 },
      transaction: { status: 'refunded', amountRefunded: 6000, refundable: 0 },
    });

    const transaction = await detail(paymentId);
    expect(transaction.refunds.map((r) => [r.amount, r.status, r.requestedBy, r.reason])).toEqual([
      [2000, 'succeeded', 'admin:admin@clinicpay.test', 'Shorter visit'],
      [4000, 'succeeded', 'admin:admin@clinicpay.test', null],
    ]);
    expect(transaction.timeline.filter((e) => e.reason === 'refund_requested')).toHaveLength(2);
    const atStripe = stack.stripe.control
      .objects('test')
      .refunds.filter((r) => r.payment_intent === transaction.stripe.paymentIntentId);
    expect(atStripe.map((r) => r.amount).sort()).toEqual([2000, 4000]);
  });

  it('refuses more than is left, with the amount that is', async () => {
    const paymentId = await paidBooking();
    await refund({ paymentId, amount: 2500, idempotencyKey: 'refund-over-1' });
    const over = await refund({ paymentId, amount: 3501, idempotencyKey: 'refund-over-2' });
    expect(over.status).toBe(400);
    expect(over.body.error?.message).toBe('You can refund at most $35.00 of this payment.');
    expect((await detail(paymentId)).refundable).toBe(3500);
  });

  it('reports bad refund input on its field', async () => {
    const answer = await refund({ paymentId: 'nope', amount: 0, idempotencyKey: 'k' });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.data.fieldErrors?.map((f) => f.path)).toEqual([
      'paymentId',
      'amount',
      'idempotencyKey',
    ]);
  });
});
