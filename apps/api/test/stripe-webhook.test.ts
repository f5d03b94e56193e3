import { describe, expect, it } from 'vitest';
import { paymentState } from './support/payment-fixture.js';
import {
  charge,
  checkoutSession,
  dispute,
  paymentIntent,
  paymentSucceeded,
  refund,
  stripeEvent,
} from './support/stripe-events.js';
import { useWebhookStack } from './support/webhook-stack.js';

// No emulator deliveries here: every event is built and signed by the test.
const { db, pending, send, setStripeSettings } = useWebhookStack();
const sendEvent = (type: string, object: object) => send(stripeEvent(type, object));

/** A paid payment whose charge then sees `steps` of one dispute, in order. */
async function paidThenDisputed(
  disputeId: string,
  steps: [type: string, status: Parameters<typeof dispute>[2]][],
) {
  const { paymentId, ref } = await pending();
  await send(paymentSucceeded(ref));
  for (const [type, status] of steps) await sendEvent(type, dispute(ref, disputeId, status));
  return { paymentId, ref };
}

describe('POST /webhooks/stripe: every row of the event table', () => {
  it('payment_intent.succeeded → Completed and Confirmed', async () => {
    const { paymentId, ref } = await pending();
    const reply = await send(paymentSucceeded(ref));
    expect(reply).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
      payment_intent_id: ref.paymentIntentId,
    });
  });

  it('checkout.session.completed: paid fulfils, unpaid waits', async () => {
    const paid = await pending();
    await sendEvent('checkout.session.completed', checkoutSession(paid.ref, 'complete', 'paid'));
    expect(await paymentState(db(), paid.paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
    });

    const unpaid = await pending();
    const reply = await sendEvent(
      'checkout.session.completed',
      checkoutSession(unpaid.ref, 'complete', 'unpaid'),
    );
    expect(reply.status).toBe(200);
    expect(await paymentState(db(), unpaid.paymentId)).toMatchObject({
      payment: 'pending',
      appointment: 'pending_payment',
    });
  });

  it("Adaptive Pricing: a price shown in the patient's currency is no amount mismatch", async () => {
    // Stripe keeps the clinic's amount and currency on the session and intent; what the patient
    // saw (another currency, another number) is only in presentment_details.
    const presentment_details = { presentment_amount: 5523, presentment_currency: 'eur' };
    const viaSession = await pending();
    await sendEvent('checkout.session.completed', {
      ...checkoutSession(viaSession.ref, 'complete', 'paid'),
      presentment_details,
    });
    const viaIntent = await pending();
    await sendEvent('payment_intent.succeeded', {
      ...paymentIntent(viaIntent.ref, 'succeeded'),
      presentment_details,
    });
    for (const { paymentId } of [viaSession, viaIntent]) {
      expect(await paymentState(db(), paymentId)).toMatchObject({
        payment: 'completed',
        appointment: 'confirmed',
        flagged_reason: null,
      });
    }
  });

  it('checkout.session.async_payment_succeeded fulfils; async_payment_failed cancels', async () => {
    const ok = await pending();
    await sendEvent(
      'checkout.session.async_payment_succeeded',
      checkoutSession(ok.ref, 'complete', 'paid'),
    );
    expect(await paymentState(db(), ok.paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
    });

    const failed = await pending();
    await sendEvent(
      'checkout.session.async_payment_failed',
      checkoutSession(failed.ref, 'complete', 'unpaid'),
    );
    expect(await paymentState(db(), failed.paymentId)).toMatchObject({
      payment: 'failed',
      appointment: 'cancelled',
    });
  });

  it('payment_intent.payment_failed → Failed, Cancelled, slot released (default policy)', async () => {
    const { paymentId, ref, appointmentId } = await pending();
    await sendEvent(
      'payment_intent.payment_failed',
      paymentIntent(ref, 'requires_payment_method', 'generic_decline'),
    );
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'failed',
      appointment: 'cancelled',
    });
    const row = await db()
      .selectFrom('payments')
      .select(['failure_code', 'failure_message'])
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      failure_code: 'generic_decline',
      failure_message: 'Your card was declined.',
    });
    const appointment = await db()
      .selectFrom('appointments')
      .select('cancel_reason')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    expect(appointment.cancel_reason).toBe('payment_failed');
  });

  it('payment_intent.payment_failed under policy "retry" records the attempt and keeps the hold', async () => {
    await setStripeSettings({ failure_policy: 'retry' });
    try {
      const { paymentId, ref } = await pending();
      await sendEvent(
        'payment_intent.payment_failed',
        paymentIntent(ref, 'requires_payment_method', 'insufficient_funds'),
      );
      expect(await paymentState(db(), paymentId)).toMatchObject({
        payment: 'pending',
        appointment: 'pending_payment',
      });
      const attempt = await db()
        .selectFrom('payment_events')
        .select('reason')
        .where('payment_id', '=', paymentId)
        .where('reason', '=', 'attempt_failed')
        .execute();
      expect(attempt).toHaveLength(1);
      await send(paymentSucceeded(ref));
      expect(await paymentState(db(), paymentId)).toMatchObject({
        payment: 'completed',
        appointment: 'confirmed',
      });
    } finally {
      await setStripeSettings({ failure_policy: 'cancel' });
    }
  });

  it('checkout.session.expired → Expired, Cancelled', async () => {
    const { paymentId, ref } = await pending();
    await sendEvent('checkout.session.expired', checkoutSession(ref, 'expired', 'unpaid'));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'expired',
      appointment: 'cancelled',
    });
  });

  it('charge.refunded → Partially refunded, then Refunded; the appointment stays', async () => {
    const { paymentId, ref } = await pending();
    await send(paymentSucceeded(ref));
    await sendEvent('charge.refunded', charge(ref, 2000));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'partially_refunded',
      amount_refunded: 2000,
      appointment: 'confirmed',
    });
    await sendEvent('charge.refunded', charge(ref, 6000));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'refunded',
      amount_refunded: 6000,
      appointment: 'confirmed',
    });
    // An older event arriving late never lowers the total.
    await sendEvent('charge.refunded', charge(ref, 2000));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'refunded',
      amount_refunded: 6000,
    });
  });

  it('a pending refund is not money back; one that fails takes Refunded back to Completed, flagged', async () => {
    const { paymentId, ref } = await pending();
    await send(paymentSucceeded(ref));
    // Stripe counts a pending refund in the charge's amount_refunded; the patient has nothing yet.
    await sendEvent('refund.created', refund(ref, 're_slow', 6000, 'pending'));
    await sendEvent('charge.refunded', charge(ref, 6000));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'completed',
      amount_refunded: 0,
    });
    await sendEvent('refund.updated', refund(ref, 're_slow', 6000, 'succeeded'));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'refunded',
      amount_refunded: 6000,
      flagged_reason: null,
    });
    // The card was closed: the money came back to the clinic.
    await sendEvent('refund.failed', refund(ref, 're_slow', 6000, 'failed'));
    const afterFailure = {
      payment: 'completed',
      amount_refunded: 0,
      flagged_reason: 'refund_failed',
      appointment: 'confirmed',
    };
    expect(await paymentState(db(), paymentId)).toMatchObject(afterFailure);
    // A report Stripe sent before the failure, arriving late, does not undo it.
    await sendEvent('charge.refunded', charge(ref, 6000));
    expect(await paymentState(db(), paymentId)).toMatchObject(afterFailure);
  });

  it('a failed partial refund leaves the rest refunded: Partially refunded', async () => {
    const { paymentId, ref } = await pending();
    await send(paymentSucceeded(ref));
    await sendEvent('refund.created', refund(ref, 're_kept', 2000, 'succeeded'));
    await sendEvent('refund.created', refund(ref, 're_lost', 4000, 'succeeded'));
    expect(await paymentState(db(), paymentId)).toMatchObject({ payment: 'refunded' });
    await sendEvent('refund.failed', refund(ref, 're_lost', 4000, 'failed'));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'partially_refunded',
      amount_refunded: 2000,
      flagged_reason: 'refund_failed',
    });
  });

  it('refund.created / refund.updated / refund.failed → the refund row (a Dashboard refund gets one)', async () => {
    const { paymentId, ref } = await pending();
    await send(paymentSucceeded(ref));
    await sendEvent('refund.created', refund(ref, 're_dash1', 1500, 'pending'));
    await sendEvent('refund.updated', refund(ref, 're_dash1', 1500, 'succeeded'));
    await sendEvent('refund.created', refund(ref, 're_dash2', 500, 'pending'));
    await sendEvent('refund.failed', refund(ref, 're_dash2', 500, 'failed'));
    const refunds = await db()
      .selectFrom('refunds')
      .select(['stripe_refund_id', 'amount', 'status', 'requested_by', 'failure_reason'])
      .where('payment_id', '=', paymentId)
      .orderBy('stripe_refund_id')
      .execute();
    expect(refunds).toEqual([
      {
        stripe_refund_id: 're_dash1',
        amount: 1500,
        status: 'succeeded',
        requested_by: 'stripe_dashboard',
        failure_reason: null,
      },
      {
        stripe_refund_id: 're_dash2',
        amount: 500,
        status: 'failed',
        requested_by: 'stripe_dashboard',
        failure_reason: 'expired_or_canceled_card',
      },
    ]);
    // A late "pending" never reopens a settled refund.
    await sendEvent('refund.updated', refund(ref, 're_dash1', 1500, 'pending'));
    const first = await db()
      .selectFrom('refunds')
      .select('status')
      .where('stripe_refund_id', '=', 're_dash1')
      .executeTakeFirstOrThrow();
    expect(first.status).toBe('succeeded');
  });

  it('charge.dispute.created / .closed → flagged for the admin with the dispute status', async () => {
    const { paymentId, ref } = await paidThenDisputed('du_1', [
      ['charge.dispute.created', 'needs_response'],
    ]);
    const flagged = await db()
      .selectFrom('payments')
      .select(['dispute_status', 'flagged_reason'])
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    expect(flagged).toEqual({ dispute_status: 'needs_response', flagged_reason: 'dispute' });
    await sendEvent('charge.dispute.closed', dispute(ref, 'du_1', 'won'));
    await sendEvent('charge.dispute.created', dispute(ref, 'du_1', 'needs_response'));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      dispute_status: 'won',
      payment: 'completed',
    });
  });

  it('a lost dispute can go to appeal (and shows as open again), but not back to needs_response', async () => {
    const { paymentId, ref } = await paidThenDisputed('du_3', [
      ['charge.dispute.closed', 'lost'],
      ['charge.dispute.created', 'needs_response'],
    ]);
    expect(await paymentState(db(), paymentId)).toMatchObject({ dispute_status: 'lost' });
    await sendEvent('charge.dispute.updated', dispute(ref, 'du_3', 'appeal_needs_response'));
    expect(await paymentState(db(), paymentId)).toMatchObject({
      dispute_status: 'appeal_needs_response',
    });
  });

  it('a prevented dispute is closed too: a late "needs_response" does not reopen it', async () => {
    const { paymentId } = await paidThenDisputed('du_2', [
      ['charge.dispute.closed', 'prevented'],
      ['charge.dispute.created', 'needs_response'],
    ]);
    expect(await paymentState(db(), paymentId)).toMatchObject({
      dispute_status: 'prevented',
      payment: 'completed',
    });
  });

  it('answers 200 for event types it does not handle and for objects that are not ours, changing nothing', async () => {
    const unhandled = await sendEvent('customer.created', { id: 'cus_1', object: 'customer' });
    expect(unhandled).toEqual({
      status: 200,
      body: { received: true, outcome: 'ignored:unhandled_event_type' },
    });
    const foreign = await sendEvent('payment_intent.succeeded', {
      id: 'pi_other',
      object: 'payment_intent',
      metadata: {},
      amount_received: 100,
      currency: 'usd',
    });
    expect(foreign).toEqual({ status: 200, body: { received: true, outcome: 'ignored:not_ours' } });
    const { paymentId, ref } = await pending();
    const unknownPayment = await sendEvent(
      'payment_intent.succeeded',
      paymentIntent({ ...ref, paymentId: '00000000-0000-4000-8000-000000000099' }, 'succeeded'),
    );
    expect(unknownPayment.body?.outcome).toBe('not_ours');
    expect(await paymentState(db(), paymentId)).toMatchObject({ payment: 'pending' });
  });

  it('does not confirm on money other than what was charged: flagged, cancelled, refund reserved', async () => {
    const { paymentId, ref, appointmentId } = await pending();
    const reply = await sendEvent(
      'payment_intent.succeeded',
      paymentIntent({ ...ref, amount: 100 }, 'succeeded'),
    );
    expect(reply.body?.outcome).toBe('applied');
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'cancelled',
    });
    const flagged = await db()
      .selectFrom('payments')
      .select('flagged_reason')
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    expect(flagged.flagged_reason).toBe('amount_mismatch');
    const appointment = await db()
      .selectFrom('appointments')
      .select('cancel_reason')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    expect(appointment.cancel_reason).toBe('amount_mismatch');
    const refunds = await db()
      .selectFrom('refunds')
      .select(['amount', 'requested_by', 'idempotency_key'])
      .where('payment_id', '=', paymentId)
      .execute();
    expect(refunds).toEqual([
      { amount: 100, requested_by: 'system', idempotency_key: `auto-refund:${paymentId}` },
    ]);
  });
});
