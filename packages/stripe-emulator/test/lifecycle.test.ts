/** Session and payment lifecycle through stripe-node: expiry, disputes, and the events API. */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { rejection, sessionParams } from './helpers';
import { useEmulatorWithReceiver } from './use-emulator-with-receiver';

const { emu, stripe, receiver } = useEmulatorWithReceiver();

describe('expiry', () => {
  it('expires through the API and sends checkout.session.expired', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    const again = await rejection(stripe.checkout.sessions.expire(session.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual(['checkout.session.expired']);
  });

  it('expires when the clock passes expires_at, canceling an unfinished intent', async () => {
    // Frozen, so real seconds passing cannot move the boundary under the test.
    emu.clock.freeze();
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const declined = emu.control.declineSession(session.id, 'insufficient_funds');
    emu.control.advanceClock(35 * 60 - 1);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    emu.control.advanceClock(1);
    emu.clock.unfreeze();
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    const pi = await stripe.paymentIntents.retrieve(declined.paymentIntent.id);
    expect(pi).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    await emu.control.waitForDeliveries();
    expect(receiver.types().slice(-2)).toEqual([
      'payment_intent.canceled',
      'checkout.session.expired',
    ]);
    expect(() => emu.control.paySession(session.id)).toThrow(/no longer active/);
  });
});

describe('disputes', () => {
  it('opens and closes a dispute from the control API', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const paid = emu.control.paySession(session.id);
    if (paid.status !== 'succeeded') throw new Error('payment should succeed');
    const dispute = emu.control.dispute(paid.charge.id, { reason: 'product_not_received' });
    expect(dispute.id).toMatch(/^du_/);
    expect((await stripe.charges.retrieve(paid.charge.id)).disputed).toBe(true);
    expect((await stripe.disputes.retrieve(dispute.id)).status).toBe('needs_response');
    const refund = await rejection(stripe.refunds.create({ charge: paid.charge.id }));
    expect(refund.code).toBe('charge_disputed');
    emu.control.closeDispute(dispute.id, 'lost');
    await emu.control.waitForDeliveries();
    expect(receiver.types().slice(-3)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.closed',
    ]);
    const closed = receiver.received.at(-1)?.event as Stripe.ChargeDisputeClosedEvent;
    expect(closed.data.object).toMatchObject({
      status: 'lost',
      charge: paid.charge.id,
      reason: 'product_not_received',
      amount: 5000,
    });
  });
});

describe('events API', () => {
  it('lists and retrieves events, filtered by type with wildcards, for 30 days', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.paySession(session.id);
    const charges = await stripe.events.list({ type: 'charge.*' });
    expect(charges.data.map((e) => e.type)).toEqual(['charge.succeeded']);
    const all = await stripe.events.list({ limit: 100 });
    expect(all.data.map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);
    const completed = all.data[0];
    expect((await stripe.events.retrieve(completed?.id ?? '')).type).toBe(
      'checkout.session.completed',
    );
    emu.control.advanceClock(31 * 24 * 3600);
    const gone = await rejection(stripe.events.retrieve(completed?.id ?? ''));
    expect(gone.code).toBe('resource_missing');
  });
});
