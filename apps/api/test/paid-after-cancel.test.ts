import { describe, expect, it } from 'vitest';
import { createTestCaller, forgetStripeSettings, followUpsSettled } from '../src/testing.js';
import { book, freeSlots, waitUntil } from './support/booking.js';
import { reserveRefund } from '../src/services/refunds/refund.service.js';
import { deliver } from './support/stripe-events.js';
import { sweep } from './support/sweep.js';
import { useTestStack } from './support/test-stack.js';
import { checkoutSessionOf, payByCard, eventAbout } from './support/emulator-objects.js';

// Webhooks are delivered by hand here, so each test decides which event arrives when.
const stack = useTestStack({ webhooks: false });

const runtime = () => stack.api.runtime;
const sessionOf = (reference: string) => checkoutSessionOf(stack, reference);
const eventFor = (type: string, reference: string) => eventAbout(stack, type, reference);
const state = (reference: string) =>
  stack.api.db
    .selectFrom('appointments')
    .innerJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.status',
      'payments.status as payment',
      'payments.flagged_reason',
      'payments.amount_refunded',
      'payments.payment_intent_id',
    ])
    .where('appointments.reference', '=', reference)
    .executeTakeFirstOrThrow();

/**
 * A decline cancels the booking (policy "cancel"), but a second card was already going through:
 * Stripe reports the success after our cancel. The emulator's real events are replayed in that order.
 */
async function declinedThenPaid(slotIndex: number) {
  const slot = (await freeSlots(runtime()))[slotIndex]!;
  const doctorId = slot.doctorIds[0]!;
  const booking = await book(runtime(), { startsAt: slot.startsAt, doctorId });
  const session = sessionOf(booking.reference);
  stack.stripe.control.declineSession(session.id, 'card_declined');
  stack.stripe.control.paySession(session.id, '4242424242424242');
  expect(
    (await deliver(stack.api.url, eventFor('payment_intent.payment_failed', booking.reference)))
      .body?.outcome,
  ).toBe('applied');
  expect((await state(booking.reference)).status).toBe('cancelled');
  return {
    booking,
    slot,
    doctorId,
    succeeded: eventFor('payment_intent.succeeded', booking.reference),
  };
}

describe('paid after the server cancelled', () => {
  it('re-confirms the booking when its time is still free', async () => {
    const { booking, succeeded } = await declinedThenPaid(3);
    expect((await deliver(stack.api.url, succeeded)).body?.outcome).toBe('applied');
    expect(await state(booking.reference)).toMatchObject({
      status: 'confirmed',
      payment: 'completed',
      flagged_reason: null,
    });
  });

  it('refunds automatically and flags for the admin when the time was taken meanwhile; once, however often reported', async () => {
    const { booking, slot, doctorId, succeeded } = await declinedThenPaid(5);
    const other = await book(runtime(), {
      startsAt: slot.startsAt,
      doctorId,
      paymentMethod: 'pay_at_clinic',
    });
    expect(other.status).toBe('confirmed');

    expect((await deliver(stack.api.url, succeeded)).body?.outcome).toBe('applied');
    // The refund is sent after the webhook's answer.
    await followUpsSettled();
    const after = await state(booking.reference);
    expect(after).toMatchObject({
      status: 'cancelled',
      payment: 'refunded',
      amount_refunded: 6000,
      flagged_reason: 'paid_after_cancel_slot_taken',
    });
    const refunds = stack.stripe.control
      .objects('test')
      .refunds.filter((r) => r.payment_intent === after.payment_intent_id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 6000, status: 'succeeded' });

    // The checkout.session.completed for the same payment changes nothing more.
    await deliver(stack.api.url, eventFor('checkout.session.completed', booking.reference));
    await deliver(stack.api.url, { ...succeeded, id: `${succeeded.id}_redelivered` });
    expect(
      stack.stripe.control
        .objects('test')
        .refunds.filter((r) => r.payment_intent === after.payment_intent_id),
    ).toHaveLength(1);
    expect((await state(booking.reference)).status).toBe('cancelled');
    const ours = await stack.api.db
      .selectFrom('refunds')
      .select(['requested_by', 'status'])
      .where(
        'payment_id',
        '=',
        (
          await stack.api.db
            .selectFrom('payments')
            .select('id')
            .where('payment_intent_id', '=', after.payment_intent_id)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expect(ours).toEqual([{ requested_by: 'system', status: 'succeeded' }]);
  });

  it("keeps a patient's cancel that lands before the payment's webhook, and refunds the payment in full", async () => {
    const slot = (await freeSlots(runtime()))[11]!;
    const booking = await book(runtime(), {
      startsAt: slot.startsAt,
      doctorId: slot.doctorIds[0]!,
    });
    payByCard(stack, booking.reference); // paid at Stripe; its webhook not delivered yet
    const cancelled = await createTestCaller(runtime()).booking.cancel({
      reference: booking.reference,
      token: booking.token,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled_by_patient' });

    // The time is free again, so without the patient's request the success would re-confirm it.
    expect(
      (await deliver(stack.api.url, eventFor('payment_intent.succeeded', booking.reference))).body
        ?.outcome,
    ).toBe('applied');
    await followUpsSettled();
    const after = await state(booking.reference);
    expect(after).toMatchObject({
      status: 'cancelled',
      payment: 'refunded',
      amount_refunded: 6000,
      flagged_reason: 'paid_after_patient_cancel',
    });
    expect(
      stack.stripe.control
        .objects('test')
        .refunds.filter((r) => r.payment_intent === after.payment_intent_id)
        .map((r) => r.amount),
    ).toEqual([6000]);
  });

  it('sends a reserved refund the process died before sending, on the next sweep, once', async () => {
    const slot = (await freeSlots(runtime()))[9]!;
    const booking = await book(runtime(), { startsAt: slot.startsAt });
    payByCard(stack, booking.reference);
    await deliver(stack.api.url, eventFor('payment_intent.succeeded', booking.reference));
    const { payment_intent_id } = await state(booking.reference);
    const payment = await stack.api.db
      .selectFrom('payments')
      .select('id')
      .where('payment_intent_id', '=', payment_intent_id)
      .executeTakeFirstOrThrow();
    // What the flag branch or an admin cancel commits; then the process dies before sending it.
    await stack.api.db.transaction().execute((trx) =>
      reserveRefund(
        trx,
        {
          paymentId: payment.id,
          requestedBy: 'system',
          idempotencyKey: `auto-refund:${payment.id}`,
        },
        runtime().clock.now(),
      ),
    );
    expect((await sweep(runtime(), 24 * 3600_000)).refundsSent).toBe(0); // its own request may still send it
    stack.advance(61);
    expect((await sweep(runtime(), 24 * 3600_000)).refundsSent).toBe(1);
    expect(await state(booking.reference)).toMatchObject({
      payment: 'refunded',
      amount_refunded: 6000,
    });
    expect((await sweep(runtime(), 24 * 3600_000)).refundsSent).toBe(0);
    expect(
      stack.stripe.control
        .objects('test')
        .refunds.filter((r) => r.payment_intent === payment_intent_id),
    ).toHaveLength(1);
  });

  it('under policy "retry" keeps the hold after a decline; the next card confirms', async () => {
    await stack.api.db
      .updateTable('gateway_settings')
      .set({ failure_policy: 'retry' })
      .where('gateway', '=', 'stripe')
      .execute();
    forgetStripeSettings(stack.api.db);
    try {
      const slot = (await freeSlots(runtime()))[7]!;
      const booking = await book(runtime(), { startsAt: slot.startsAt });
      const session = sessionOf(booking.reference);
      stack.stripe.control.declineSession(session.id, 'insufficient_funds');
      await deliver(stack.api.url, eventFor('payment_intent.payment_failed', booking.reference));
      expect(await state(booking.reference)).toMatchObject({
        status: 'pending_payment',
        payment: 'pending',
      });
      expect(sessionOf(booking.reference).status).toBe('open');
      stack.stripe.control.paySession(session.id, '4242424242424242');
      await deliver(stack.api.url, eventFor('payment_intent.succeeded', booking.reference));
      expect(
        await waitUntil(
          () => state(booking.reference),
          (s) => s.status === 'confirmed',
        ),
      ).toMatchObject({ status: 'confirmed', payment: 'completed' });
    } finally {
      await stack.api.db
        .updateTable('gateway_settings')
        .set({ failure_policy: 'cancel' })
        .where('gateway', '=', 'stripe')
        .execute();
      forgetStripeSettings(stack.api.db);
    }
  });
});
