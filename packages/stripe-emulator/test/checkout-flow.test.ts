/** The contract, driven only through stripe-node: create → pay → events → refund, and the other flows. */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { API_VERSION, TEST_CARDS } from '../src/index';
import { sessionParams } from './helpers';
import { useEmulatorWithReceiver } from './use-emulator-with-receiver';

const { emu, stripe, receiver } = useEmulatorWithReceiver();

describe('checkout session create', () => {
  it('returns a Stripe-shaped embedded session', async () => {
    const now = emu.clock.now();
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { expires_at: now + 2100 }),
    );
    expect(session.id).toMatch(/^cs_test_a1[A-Za-z0-9]{56}$/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      livemode: false,
      mode: 'payment',
      ui_mode: 'embedded_page',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 5000,
      amount_subtotal: 5000,
      currency: 'usd',
      metadata: { payment_id: 'pay_123' },
      client_reference_id: 'pay_123',
      customer_email: 'patient@example.com',
      payment_intent: null,
      url: null,
      redirect_on_completion: 'always',
      return_url: 'https://clinic.example/booking/BK-1/return?session_id={CHECKOUT_SESSION_ID}',
      expires_at: now + 2100,
    });
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_[A-Za-z0-9]{24}$`));
    expect(session.created).toBeGreaterThanOrEqual(now);
    expect(session.lastResponse.headers['request-id']).toMatch(/^req_[A-Za-z0-9]{14}$/);
  });

  it('gives hosted sessions a URL and no client secret', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, {
        ui_mode: 'hosted_page',
        return_url: undefined,
        success_url: 'https://clinic.example/ok',
      }),
    );
    expect(session.client_secret).toBeNull();
    expect(session.url).toBe(`${emu.url}/c/pay/${session.id}`);
    expect(session.success_url).toBe('https://clinic.example/ok');
  });

  it('defaults expires_at to 24 hours after creation', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { expires_at: undefined }),
    );
    expect(session.expires_at - session.created).toBe(86_400);
  });
});

describe('a successful payment', () => {
  it('completes the session and emits Stripe events with the metadata on the intent and charge', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const result = emu.control.paySession(session.id, TEST_CARDS.success, { name: 'Ada Patient' });
    expect(result.status).toBe('succeeded');

    const paid = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent', 'payment_intent.latest_charge'],
    });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(paid.customer_details).toMatchObject({
      email: 'patient@example.com',
      name: 'Ada Patient',
    });
    const pi = paid.payment_intent as Stripe.PaymentIntent;
    expect(pi.id).toMatch(/^pi_/);
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount: 5000,
      amount_received: 5000,
      currency: 'usd',
      metadata: { payment_id: 'pay_123' },
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount: 5000,
      payment_intent: pi.id,
      metadata: { payment_id: 'pay_123' },
    });
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'visa', last4: '4242' });

    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
    expect((await stripe.charges.retrieve(charge.id)).amount_captured).toBe(5000);
    const listed = await stripe.checkout.sessions.list({ payment_intent: pi.id });
    expect(listed.data.map((s) => s.id)).toEqual([session.id]);

    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const completed = receiver.received[3]?.event as Stripe.CheckoutSessionCompletedEvent;
    expect(completed).toMatchObject({
      object: 'event',
      api_version: API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      type: 'checkout.session.completed',
    });
    expect(completed.id).toMatch(/^evt_/);
    expect(completed.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      payment_intent: pi.id,
    });
    expect(API_VERSION).toBe(Stripe.API_VERSION);
  });

  it('refunds in part and in full, with charge.refunded, refund.created and refund.updated', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const { paymentIntent, charge } = emu.control.paySession(session.id) as Extract<
      ReturnType<typeof emu.control.paySession>,
      { status: 'succeeded' }
    >;
    await emu.control.waitForDeliveries();
    receiver.received.length = 0;

    const partial = await stripe.refunds.create({
      payment_intent: paymentIntent.id,
      amount: 1500,
      reason: 'requested_by_customer',
      metadata: { refund_id: 'rf_1' },
    });
    expect(partial.id).toMatch(/^re_/);
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 1500,
      status: 'succeeded',
      charge: charge.id,
      payment_intent: paymentIntent.id,
      reason: 'requested_by_customer',
      metadata: { refund_id: 'rf_1' },
    });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({
      amount_refunded: 1500,
      refunded: false,
    });

    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(3500);
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({
      amount_refunded: 5000,
      refunded: true,
    });
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(1500);
    expect(
      (await stripe.refunds.list({ payment_intent: paymentIntent.id })).data.map((r) => r.id),
    ).toEqual([rest.id, partial.id]);

    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual([
      'refund.created',
      'charge.refunded',
      'refund.updated',
      'refund.created',
      'charge.refunded',
      'refund.updated',
    ]);
    const refunded = receiver.received[1]?.event as Stripe.ChargeRefundedEvent;
    expect(refunded.data.object.amount_refunded).toBe(1500);
    expect(refunded.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    expect(refunded.request?.id).toMatch(/^req_/);
    const updated = receiver.received[2]?.event as Stripe.RefundUpdatedEvent;
    expect(updated.data.object.destination_details?.card?.reference_status).toBe('available');
  });
});

describe('a declined payment', () => {
  it.each([
    [TEST_CARDS.genericDecline, 'card_declined', 'generic_decline'],
    [TEST_CARDS.insufficientFunds, 'card_declined', 'insufficient_funds'],
    [TEST_CARDS.expiredCard, 'expired_card', 'expired_card'],
  ])('card %s fails with %s / %s and the session stays open', async (card, code, declineCode) => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    expect(emu.control.paySession(session.id, card).status).toBe('declined');
    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
    ]);
    const failed = receiver.received[2]?.event as Stripe.PaymentIntentPaymentFailedEvent;
    expect(failed.data.object.status).toBe('requires_payment_method');
    expect(failed.data.object.last_payment_error).toMatchObject({
      type: 'card_error',
      code,
      decline_code: declineCode,
    });
    expect(failed.data.object.metadata).toEqual({ payment_id: 'pay_123' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    // A retry with a good card succeeds on the same payment intent.
    const retry = emu.control.paySession(session.id, TEST_CARDS.success);
    expect(retry.status).toBe('succeeded');
    expect(retry.paymentIntent.id).toBe(failed.data.object.id);
  });
});

describe('3D Secure', () => {
  it('waits in requires_action until the control call completes it', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const pending = emu.control.paySession(session.id, TEST_CARDS.requiresAuthentication);
    expect(pending.status).toBe('requires_action');
    expect((await stripe.paymentIntents.retrieve(pending.paymentIntent.id)).status).toBe(
      'requires_action',
    );
    expect(emu.control.completeAuthentication(pending.paymentIntent.id, 'succeed').status).toBe(
      'succeeded',
    );
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });

  it('fails with payment_intent_authentication_failure when the challenge fails', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const pending = emu.control.paySession(session.id, TEST_CARDS.requiresAuthentication);
    emu.control.completeAuthentication(pending.paymentIntent.id, 'fail');
    const pi = await stripe.paymentIntents.retrieve(pending.paymentIntent.id);
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error?.code).toBe('payment_intent_authentication_failure');
    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'payment_intent.payment_failed',
    ]);
  });
});
