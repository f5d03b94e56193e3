/** Refunds that settle later: pending then succeeded or failed, by control rule or test card. */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createControlClient, TEST_CARDS } from '../src/index';
import { rejection, sessionParams } from './helpers';
import { useEmulatorWithReceiver } from './use-emulator-with-receiver';

const { emu, stripe, receiver } = useEmulatorWithReceiver();

async function paidIntent(card: string = TEST_CARDS.success) {
  const session = await stripe.checkout.sessions.create(sessionParams(emu));
  const paid = emu.control.paySession(session.id, card);
  await emu.control.waitForDeliveries();
  receiver.received.length = 0;
  return { pi: paid.paymentIntent.id, charge: paid.paymentIntent.latest_charge as string };
}

async function deliveredSince() {
  await emu.control.waitForDeliveries();
  return receiver.received.map((r) => r.event);
}

describe('refund settlement', () => {
  it('is instant by default: succeeded at once, as before', async () => {
    expect(emu.control.refundSettlement()).toEqual({ status: 'instant' });
    const { pi } = await paidIntent();
    const refund = await stripe.refunds.create({ payment_intent: pi, amount: 1000 });
    expect(refund.status).toBe('succeeded');
    expect((await deliveredSince()).map((e) => e.type)).toEqual([
      'refund.created',
      'charge.refunded',
      'refund.updated',
    ]);
  });

  it('pending then succeeded: counted on the charge at once, settled when the clock comes', async () => {
    emu.control.setRefundSettlement({ status: 'pending', then: 'succeeded', afterSeconds: 300 });
    const { pi, charge } = await paidIntent();
    const refund = await stripe.refunds.create({ payment_intent: pi, amount: 2000 });
    expect(refund).toMatchObject({ status: 'pending', pending_reason: 'processing' });
    expect(await stripe.charges.retrieve(charge)).toMatchObject({
      amount_refunded: 2000,
      refunded: false,
    });
    const atCreation = await deliveredSince();
    expect(atCreation.map((e) => e.type)).toEqual(['refund.created', 'charge.refunded']);
    expect((atCreation[1]?.data.object as Stripe.Charge).amount_refunded).toBe(2000);

    emu.control.advanceClock(300);
    const settled = await stripe.refunds.retrieve(refund.id);
    expect(settled.status).toBe('succeeded');
    expect(settled).not.toHaveProperty('pending_reason');
    expect(settled.destination_details?.card?.reference_status).toBe('available');
    const later = (await deliveredSince()).slice(2);
    expect(later.map((e) => e.type)).toEqual(['refund.updated', 'charge.refund.updated']);
    expect(later[0]?.data.previous_attributes).toMatchObject({ status: 'pending' });
  });

  it('pending then failed: refund.failed with the reason, and the amount goes back to the charge', async () => {
    emu.control.setRefundSettlement({
      status: 'pending',
      then: 'failed',
      afterSeconds: 60,
      failureReason: 'lost_or_stolen_card',
    });
    const { pi, charge } = await paidIntent();
    const refund = await stripe.refunds.create({ payment_intent: pi });
    expect(await stripe.charges.retrieve(charge)).toMatchObject({
      amount_refunded: 5000,
      refunded: true,
    });
    // Pending refunds count: nothing is left to refund meanwhile.
    expect((await rejection(stripe.refunds.create({ payment_intent: pi }))).code).toBe(
      'charge_already_refunded',
    );

    emu.control.advanceClock(60);
    const failed = await stripe.refunds.retrieve(refund.id);
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'lost_or_stolen_card' });
    expect(failed.failure_balance_transaction).toMatch(/^txn_/);
    expect(await stripe.charges.retrieve(charge)).toMatchObject({
      amount_refunded: 0,
      refunded: false,
    });
    expect((await deliveredSince()).map((e) => e.type)).toEqual([
      'refund.created',
      'charge.refunded',
      'refund.failed',
      'charge.refund.updated',
    ]);
    // The money is refundable again.
    const again = await stripe.refunds.create({ payment_intent: pi, amount: 500 });
    expect(again.status).toBe('pending');
  });

  it('card 4000 0000 0000 5126: the refund starts succeeded, then fails (expired or canceled card)', async () => {
    const { pi, charge } = await paidIntent(TEST_CARDS.refundFailsLater);
    const refund = await stripe.refunds.create({ payment_intent: pi, amount: 1500 });
    expect(refund.status).toBe('succeeded');
    emu.control.advanceClock(60);
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
    });
    expect((await stripe.charges.retrieve(charge)).amount_refunded).toBe(0);
    const events = await deliveredSince();
    expect(events.map((e) => e.type)).toEqual([
      'refund.created',
      'charge.refunded',
      'refund.updated',
      'refund.failed',
      'charge.refund.updated',
    ]);
    expect(events[3]?.data.previous_attributes).toMatchObject({ status: 'succeeded' });
  });

  it('card 4000 0000 0000 7726: the refund starts pending, then succeeds', async () => {
    const { pi } = await paidIntent(TEST_CARDS.refundPending);
    const refund = await stripe.refunds.create({ payment_intent: pi });
    expect(refund.status).toBe('pending');
    emu.control.advanceClock(60);
    expect((await stripe.refunds.retrieve(refund.id)).status).toBe('succeeded');
  });

  it('is set over HTTP, checked, and forgotten by reset', async () => {
    const client = createControlClient(emu.url);
    const rule = { status: 'pending', then: 'failed', afterSeconds: 10 } as const;
    expect(await client.setRefundSettlement(rule)).toEqual(rule);
    expect(await client.refundSettlement()).toEqual(rule);
    const bad = await client
      .setRefundSettlement({ status: 'pending', then: 'later', afterSeconds: -1 } as never)
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400 });
    await client.reset();
    expect(await client.refundSettlement()).toEqual({ status: 'instant' });
  });
});
