import { describe, expect, it } from 'vitest';
import { refundPayment } from '../src/services/refunds/refund.service.js';
import { book, freeSlots, waitUntil } from './support/booking.js';
import { deliver, stripeEvent } from './support/stripe-events.js';
import { useTestStack } from './support/test-stack.js';
import { payByCard } from './support/emulator-objects.js';

const stack = useTestStack();

const runtime = () => stack.api.runtime;
let slotIndex = 0;

/** A booking paid by card through the emulator, confirmed by its webhook. */
async function paidBooking() {
  const slot = (await freeSlots(runtime()))[slotIndex++]!;
  const booking = await book(runtime(), { startsAt: slot.startsAt });
  const session = payByCard(stack, booking.reference);
  const payment = await waitUntil(
    () =>
      stack.api.db
        .selectFrom('payments')
        .select(['id', 'status', 'payment_intent_id', 'amount'])
        .where('checkout_session_id', '=', session.id)
        .executeTakeFirstOrThrow(),
    (p) => p.status === 'completed',
  );
  return { booking, payment };
}
const paymentRow = (id: string) =>
  stack.api.db
    .selectFrom('payments')
    .select(['status', 'amount_refunded'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const appointmentStatus = (reference: string) =>
  stack.api.db
    .selectFrom('appointments')
    .select('status')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();

describe('refunds', () => {
  it('refunds in part, then the rest; the appointment stays confirmed', async () => {
    const { booking, payment } = await paidBooking();
    const partial = await refundPayment(runtime(), {
      paymentId: payment.id,
      amount: 2000,
      reason: 'requested_by_customer',
      requestedBy: 'admin:a@clinic.test',
      idempotencyKey: 'k-partial-1',
    });
    expect(partial).toMatchObject({
      status: 'succeeded',
      amount: 2000,
      currency: 'USD',
      stripeRefundId: expect.stringMatching(/^re_/),
    });
    expect(await paymentRow(payment.id)).toEqual({
      status: 'partially_refunded',
      amount_refunded: 2000,
    });

    const rest = await refundPayment(runtime(), {
      paymentId: payment.id,
      requestedBy: 'admin:a@clinic.test',
      idempotencyKey: 'k-rest-1',
    });
    expect(rest).toMatchObject({ status: 'succeeded', amount: 4000 });
    await stack.stripe.control.waitForDeliveries();
    expect(await paymentRow(payment.id)).toEqual({ status: 'refunded', amount_refunded: 6000 });
    expect((await appointmentStatus(booking.reference)).status).toBe('confirmed');
    // At Stripe: two refunds on the intent, 6000 in all.
    const refunds = stack.stripe.control
      .objects('test')
      .refunds.filter((r) => r.payment_intent === payment.payment_intent_id);
    expect(refunds.map((r) => r.amount).sort()).toEqual([2000, 4000]);
  });

  it('refuses more than what is left, in a sentence, writing nothing', async () => {
    const { payment } = await paidBooking();
    await expect(
      refundPayment(runtime(), {
        paymentId: payment.id,
        amount: 6001,
        requestedBy: 'admin:a',
        idempotencyKey: 'k-over-1',
      }),
    ).rejects.toMatchObject({
      code: 'refund_too_large',
      message: 'You can refund at most $60.00 of this payment.',
    });
    const rows = await stack.api.db
      .selectFrom('refunds')
      .select('id')
      .where('payment_id', '=', payment.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('the same key twice at once refunds once', async () => {
    const { payment } = await paidBooking();
    const [a, b] = await Promise.all([
      refundPayment(runtime(), {
        paymentId: payment.id,
        amount: 1500,
        requestedBy: 'admin:a',
        idempotencyKey: 'k-same',
      }),
      refundPayment(runtime(), {
        paymentId: payment.id,
        amount: 1500,
        requestedBy: 'admin:a',
        idempotencyKey: 'k-same',
      }),
    ]);
    expect(a.refundId).toBe(b.refundId);
    const rows = await stack.api.db
      .selectFrom('refunds')
      .select(['amount'])
      .where('payment_id', '=', payment.id)
      .execute();
    expect(rows).toEqual([{ amount: 1500 }]);
    expect(
      stack.stripe.control
        .objects('test')
        .refunds.filter((r) => r.payment_intent === payment.payment_intent_id),
    ).toHaveLength(1);
  });

  it('the same key for two payments refunds each payment once: a key is bound to its payment', async () => {
    const first = await paidBooking();
    const second = await paidBooking();
    const refundWith = (paymentId: string) =>
      refundPayment(runtime(), {
        paymentId,
        amount: 1000,
        requestedBy: 'admin:a',
        idempotencyKey: 'k-shared-across-payments',
      });
    const a = await refundWith(first.payment.id);
    const b = await refundWith(second.payment.id);
    expect(b.refundId).not.toBe(a.refundId);
    expect(b).toMatchObject({ status: 'succeeded', amount: 1000 });
    for (const { payment } of [first, second]) {
      const rows = await stack.api.db
        .selectFrom('refunds')
        .select(['amount', 'status'])
        .where('payment_id', '=', payment.id)
        .execute();
      expect(rows).toEqual([{ amount: 1000, status: 'succeeded' }]);
      expect(
        stack.stripe.control
          .objects('test')
          .refunds.filter((r) => r.payment_intent === payment.payment_intent_id)
          .map((r) => r.amount),
      ).toEqual([1000]);
    }
    // And the same key again for the first payment still answers with its refund.
    expect((await refundWith(first.payment.id)).refundId).toBe(a.refundId);
  });

  it('records a refund made in the Stripe Dashboard', async () => {
    const { payment } = await paidBooking();
    stack.stripe.control.refund(payment.payment_intent_id!, { amount: 2500 });
    const row = await waitUntil(
      () => paymentRow(payment.id),
      (p) => p.amount_refunded === 2500,
    );
    expect(row).toEqual({ status: 'partially_refunded', amount_refunded: 2500 });
    const refunds = await waitUntil(
      () =>
        stack.api.db
          .selectFrom('refunds')
          .select(['amount', 'status', 'requested_by'])
          .where('payment_id', '=', payment.id)
          .execute(),
      (r) => r.length === 1 && r[0]!.status === 'succeeded',
    );
    expect(refunds).toEqual([
      { amount: 2500, status: 'succeeded', requested_by: 'stripe_dashboard' },
    ]);
  });

  it('marks a refund Stripe fails after it succeeded as failed, and flags the payment for the admin', async () => {
    const { payment } = await paidBooking();
    const refund = await refundPayment(runtime(), {
      paymentId: payment.id,
      amount: 1000,
      requestedBy: 'admin:a',
      idempotencyKey: 'k-fail-later',
    });
    await stack.stripe.control.waitForDeliveries();
    // Stripe reports the refund failed afterwards (an expired card): refund.failed arrives.
    const failed = stripeEvent('refund.failed', {
      id: refund.stripeRefundId,
      object: 'refund',
      amount: 1000,
      currency: 'usd',
      payment_intent: payment.payment_intent_id,
      charge: null,
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
      metadata: { refund_id: refund.refundId },
    });
    expect(refund.status).toBe('succeeded');
    expect((await deliver(stack.api.url, failed)).body?.outcome).toBe('applied');
    const row = await stack.api.db
      .selectFrom('refunds')
      .select(['status', 'failure_reason'])
      .where('id', '=', refund.refundId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    const flagged = await stack.api.db
      .selectFrom('payments')
      .select(['flagged_reason', 'status', 'amount_refunded'])
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    // The money did not go back: the payment is whole again.
    expect(flagged).toEqual({
      flagged_reason: 'refund_failed',
      status: 'completed',
      amount_refunded: 0,
    });
  });

  it('a refund Stripe keeps pending is not money back; when it fails the payment is whole again', async () => {
    const { payment } = await paidBooking();
    stack.stripe.control.setRefundSettlement({
      status: 'pending',
      then: 'failed',
      afterSeconds: 60,
    });
    try {
      const refund = await refundPayment(runtime(), {
        paymentId: payment.id,
        requestedBy: 'admin:a',
        idempotencyKey: 'k-pending-then-failed',
      });
      expect(refund.status).toBe('pending');
      await stack.stripe.control.waitForDeliveries();
      // Stripe counts it in the charge's amount_refunded already; the patient has nothing yet.
      expect(await paymentRow(payment.id)).toEqual({ status: 'completed', amount_refunded: 0 });

      stack.advance(61);
      const failed = await waitUntil(
        () =>
          stack.api.db
            .selectFrom('refunds')
            .innerJoin('payments', 'payments.id', 'refunds.payment_id')
            .select(['refunds.status', 'payments.flagged_reason', 'payments.status as payment'])
            .where('refunds.id', '=', refund.refundId)
            .executeTakeFirstOrThrow(),
        (r) => r.status === 'failed',
      );
      expect(failed).toEqual({
        status: 'failed',
        flagged_reason: 'refund_failed',
        payment: 'completed',
      });
      expect(await paymentRow(payment.id)).toEqual({ status: 'completed', amount_refunded: 0 });
    } finally {
      stack.stripe.control.setRefundSettlement({ status: 'instant' });
    }
  });

  it('a refund Stripe keeps pending counts once it succeeds', async () => {
    const { payment } = await paidBooking();
    stack.stripe.control.setRefundSettlement({
      status: 'pending',
      then: 'succeeded',
      afterSeconds: 60,
    });
    try {
      await refundPayment(runtime(), {
        paymentId: payment.id,
        requestedBy: 'admin:a',
        idempotencyKey: 'k-pending-then-succeeded',
      });
      stack.advance(61);
      const settled = await waitUntil(
        () => paymentRow(payment.id),
        (p) => p.status === 'refunded',
      );
      expect(settled).toEqual({ status: 'refunded', amount_refunded: payment.amount });
    } finally {
      stack.stripe.control.setRefundSettlement({ status: 'instant' });
    }
  });
});
