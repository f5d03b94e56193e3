/**
 * Every row of DESIGN.md's event table, through the real entry point: a Stripe-shaped event,
 * serialised and signed as Stripe does, verified, then mapped.
 */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { charge } from './fixtures/charge';
import { checkoutSession } from './fixtures/checkout-session';
import { dispute } from './fixtures/dispute';
import { signed, stripeEvent, TEST_SECRET } from './fixtures/event';
import { CHARGE_ID, DISPUTE_ID, PAYMENT_ID, PAYMENT_INTENT_ID, REFUND_ID } from './fixtures/ids';
import { declinedPaymentIntent, paymentIntent } from './fixtures/payment-intent';
import { refund } from './fixtures/refund';
import { HANDLED_STRIPE_EVENTS } from './handled-events';
import { parseWebhook } from './parse-webhook';

function effectOf(event: Stripe.Event) {
  const { body, header } = signed(event);
  return parseWebhook(body, header, { test: TEST_SECRET }).effect;
}

const SESSION_ID = checkoutSession().id;

describe('payment succeeded', () => {
  it('payment_intent.succeeded: our payment, its intent, charge and the amount received', () => {
    const event = stripeEvent<Stripe.PaymentIntentSucceededEvent>(
      'payment_intent.succeeded',
      paymentIntent(),
    );
    expect(effectOf(event)).toEqual({
      kind: 'payment_succeeded',
      paymentId: PAYMENT_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      checkoutSessionId: null,
      chargeId: CHARGE_ID,
      amount: 5000,
      currency: 'usd',
    });
  });

  it('checkout.session.completed and paid: the same fulfilment, with the session id', () => {
    const event = stripeEvent<Stripe.CheckoutSessionCompletedEvent>(
      'checkout.session.completed',
      checkoutSession(),
    );
    expect(effectOf(event)).toEqual({
      kind: 'payment_succeeded',
      paymentId: PAYMENT_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      checkoutSessionId: SESSION_ID,
      chargeId: null,
      amount: 5000,
      currency: 'usd',
    });
  });

  it('reads a zero-decimal amount as Stripe sends it, unconverted', () => {
    const session = checkoutSession({ currency: 'jpy', amount_total: 5000, amount_subtotal: 5000 });
    const event = stripeEvent<Stripe.CheckoutSessionCompletedEvent>(
      'checkout.session.completed',
      session,
    );
    expect(effectOf(event)).toMatchObject({ amount: 5000, currency: 'jpy' });
  });

  it('checkout.session.async_payment_succeeded: the same fulfilment', () => {
    const event = stripeEvent<Stripe.CheckoutSessionAsyncPaymentSucceededEvent>(
      'checkout.session.async_payment_succeeded',
      checkoutSession(),
    );
    expect(effectOf(event)).toMatchObject({
      kind: 'payment_succeeded',
      paymentId: PAYMENT_ID,
      checkoutSessionId: SESSION_ID,
    });
  });
});

describe('checkout completed without money yet', () => {
  it('unpaid (a delayed payment method): waits for the async outcome', () => {
    const event = stripeEvent<Stripe.CheckoutSessionCompletedEvent>(
      'checkout.session.completed',
      checkoutSession({ payment_status: 'unpaid' }),
    );
    expect(effectOf(event)).toEqual({
      kind: 'awaiting_async_payment',
      paymentId: PAYMENT_ID,
      checkoutSessionId: SESSION_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
    });
  });

  it('no_payment_required: never confirms a booking nobody paid for', () => {
    const event = stripeEvent<Stripe.CheckoutSessionCompletedEvent>(
      'checkout.session.completed',
      checkoutSession({
        payment_status: 'no_payment_required',
        amount_total: 0,
        payment_intent: null,
      }),
    );
    expect(effectOf(event)).toMatchObject({ kind: 'ignored', reason: 'no_payment_required' });
  });
});

describe('payment failed', () => {
  it("payment_intent.payment_failed: the issuer's decline code and Stripe's message", () => {
    const event = stripeEvent<Stripe.PaymentIntentPaymentFailedEvent>(
      'payment_intent.payment_failed',
      declinedPaymentIntent(),
    );
    expect(effectOf(event)).toEqual({
      kind: 'payment_failed',
      paymentId: PAYMENT_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      checkoutSessionId: null,
      failureCode: 'insufficient_funds',
      failureMessage: 'Your card has insufficient funds.',
    });
  });

  it('falls back to the error code when the issuer gave no decline code', () => {
    const intent = declinedPaymentIntent({
      type: 'card_error',
      code: 'expired_card',
      message: 'Your card has expired.',
    });
    const event = stripeEvent<Stripe.PaymentIntentPaymentFailedEvent>(
      'payment_intent.payment_failed',
      intent,
    );
    expect(effectOf(event)).toMatchObject({
      failureCode: 'expired_card',
      failureMessage: 'Your card has expired.',
    });
  });

  it('checkout.session.async_payment_failed: as payment_failed', () => {
    const event = stripeEvent<Stripe.CheckoutSessionAsyncPaymentFailedEvent>(
      'checkout.session.async_payment_failed',
      checkoutSession({ payment_status: 'unpaid' }),
    );
    expect(effectOf(event)).toEqual({
      kind: 'payment_failed',
      paymentId: PAYMENT_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      checkoutSessionId: SESSION_ID,
      failureCode: null,
      failureMessage: null,
    });
  });
});

describe('checkout expired', () => {
  it('checkout.session.expired: our payment and the session', () => {
    const session = checkoutSession({
      status: 'expired',
      payment_status: 'unpaid',
      payment_intent: null,
    });
    const event = stripeEvent<Stripe.CheckoutSessionExpiredEvent>(
      'checkout.session.expired',
      session,
    );
    expect(effectOf(event)).toEqual({
      kind: 'checkout_expired',
      paymentId: PAYMENT_ID,
      checkoutSessionId: SESSION_ID,
    });
  });
});

describe('refunds', () => {
  it('charge.refunded: the refunded total against the charge amount (Dashboard refunds too)', () => {
    const refunded = charge({ amount_refunded: 2000, refunded: false });
    const event = stripeEvent<Stripe.ChargeRefundedEvent>('charge.refunded', refunded, {
      previous_attributes: { amount_refunded: 0 },
    });
    expect(effectOf(event)).toEqual({
      kind: 'charge_refunded',
      paymentId: PAYMENT_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      chargeId: CHARGE_ID,
      amount: 5000,
      amountRefunded: 2000,
      currency: 'usd',
      refunds: null,
    });
  });

  it('charge.refunded: lists the refunds when Stripe included them', () => {
    const refunds: Stripe.ApiList<Stripe.Refund> = {
      object: 'list',
      data: [refund({ amount: 5000 })],
      has_more: false,
      url: `/v1/charges/${CHARGE_ID}/refunds`,
    };
    const event = stripeEvent<Stripe.ChargeRefundedEvent>(
      'charge.refunded',
      charge({ amount_refunded: 5000, refunded: true, refunds }),
    );
    expect(effectOf(event)).toMatchObject({
      amountRefunded: 5000,
      refunds: [{ id: REFUND_ID, amount: 5000, status: 'succeeded' }],
    });
  });

  it.each(['refund.created', 'refund.updated'] as const)('%s: the refund row status', (type) => {
    const event = stripeEvent<Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent>(
      type,
      refund({ status: 'pending' }),
    );
    expect(effectOf(event)).toEqual({
      kind: 'refund_updated',
      refundId: REFUND_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      chargeId: CHARGE_ID,
      status: 'pending',
      amount: 2000,
      currency: 'usd',
      failureReason: null,
      metadata: { payment_id: PAYMENT_ID, refund_request_id: 'rfq_01JD8Z9A' },
    });
  });

  it("refund.failed: failed, with Stripe's reason", () => {
    const failed = refund({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    const event = stripeEvent<Stripe.RefundFailedEvent>('refund.failed', failed);
    expect(effectOf(event)).toMatchObject({
      kind: 'refund_updated',
      status: 'failed',
      failureReason: 'expired_or_canceled_card',
    });
  });

  it('a refund status Stripe adds later reads as pending, never as final', () => {
    const event = stripeEvent<Stripe.RefundUpdatedEvent>(
      'refund.updated',
      refund({ status: 'reversed_someday' }),
    );
    expect(effectOf(event)).toMatchObject({ status: 'pending' });
  });
});

describe('disputes', () => {
  it.each([
    ['charge.dispute.created', 'needs_response'],
    ['charge.dispute.updated', 'under_review'],
    ['charge.dispute.closed', 'lost'],
  ] as const)('%s: the payment is flagged with the status %s', (type, status) => {
    const event = stripeEvent<
      | Stripe.ChargeDisputeCreatedEvent
      | Stripe.ChargeDisputeUpdatedEvent
      | Stripe.ChargeDisputeClosedEvent
    >(type, dispute({ status }));
    expect(effectOf(event)).toEqual({
      kind: 'dispute_updated',
      disputeId: DISPUTE_ID,
      chargeId: CHARGE_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
      status,
      reason: 'fraudulent',
      amount: 5000,
      currency: 'usd',
    });
  });
});

describe('events that are not ours or not handled: acknowledged and ignored', () => {
  it('ignores a type Clinicpay does not act on', () => {
    const event = stripeEvent<Stripe.PaymentIntentCreatedEvent>(
      'payment_intent.created',
      paymentIntent({ status: 'requires_payment_method' }),
    );
    expect(effectOf(event)).toMatchObject({ kind: 'ignored', reason: 'unhandled_event_type' });
  });

  it.each([
    ['payment_intent.succeeded', () => paymentIntent({ metadata: {} })],
    [
      'payment_intent.payment_failed',
      () => paymentIntent({ metadata: { order: '42' }, status: 'requires_payment_method' }),
    ],
    ['checkout.session.completed', () => checkoutSession({ metadata: null })],
    ['checkout.session.async_payment_succeeded', () => checkoutSession({ metadata: {} })],
    [
      'checkout.session.async_payment_failed',
      () => checkoutSession({ metadata: { payment_id: '' } }),
    ],
    ['checkout.session.expired', () => checkoutSession({ metadata: {}, status: 'expired' })],
  ] as const)('ignores %s without our metadata.payment_id', (type, object) => {
    const event = stripeEvent(type, object() as never);
    expect(effectOf(event)).toMatchObject({ kind: 'ignored', reason: 'not_ours' });
  });

  it('ignores a refunded charge that no payment intent made', () => {
    const event = stripeEvent<Stripe.ChargeRefundedEvent>(
      'charge.refunded',
      charge({ payment_intent: null }),
    );
    expect(effectOf(event)).toMatchObject({ kind: 'ignored', reason: 'not_ours' });
  });

  it('does not trust client_reference_id alone: only our metadata marks a session as ours', () => {
    const session = checkoutSession({ metadata: {}, client_reference_id: PAYMENT_ID });
    expect(
      effectOf(
        stripeEvent<Stripe.CheckoutSessionCompletedEvent>('checkout.session.completed', session),
      ),
    ).toMatchObject({ kind: 'ignored' });
  });

  it('acknowledges a signed event whose object lacks what the mapping needs', () => {
    const event = stripeEvent<Stripe.ChargeDisputeCreatedEvent>('charge.dispute.created', {
      id: 'du_x',
    } as Stripe.Dispute);
    expect(effectOf(event)).toMatchObject({ kind: 'ignored', reason: 'unexpected_object' });
  });

  it('acknowledges, rather than fails, a signed event the mapping cannot read', () => {
    const broken = charge({
      refunds: { object: 'list', data: [null], has_more: false, url: '' } as never,
    });
    const event = stripeEvent<Stripe.ChargeRefundedEvent>('charge.refunded', broken);
    expect(effectOf(event)).toMatchObject({ kind: 'ignored', reason: 'unexpected_object' });
  });
});

describe('HANDLED_STRIPE_EVENTS', () => {
  const objectFor: Record<(typeof HANDLED_STRIPE_EVENTS)[number], () => object> = {
    'payment_intent.succeeded': () => paymentIntent(),
    'payment_intent.payment_failed': () => declinedPaymentIntent(),
    'checkout.session.completed': () => checkoutSession(),
    'checkout.session.async_payment_succeeded': () => checkoutSession(),
    'checkout.session.async_payment_failed': () => checkoutSession(),
    'checkout.session.expired': () => checkoutSession({ status: 'expired' }),
    'charge.refunded': () => charge({ amount_refunded: 5000 }),
    'refund.created': () => refund(),
    'refund.updated': () => refund(),
    'refund.failed': () => refund({ status: 'failed' }),
    'charge.dispute.created': () => dispute(),
    'charge.dispute.updated': () => dispute(),
    'charge.dispute.closed': () => dispute({ status: 'won' }),
  };

  it.each(HANDLED_STRIPE_EVENTS)('%s is listed for the Dashboard and maps to an effect', (type) => {
    const event = stripeEvent(type, objectFor[type]() as never);
    expect(effectOf(event).kind).not.toBe('ignored');
  });

  it('lists every event type of the design table', () => {
    expect([...HANDLED_STRIPE_EVENTS].sort()).toEqual(
      [
        'charge.dispute.closed',
        'charge.dispute.created',
        'charge.dispute.updated',
        'charge.refunded',
        'checkout.session.async_payment_failed',
        'checkout.session.async_payment_succeeded',
        'checkout.session.completed',
        'checkout.session.expired',
        'payment_intent.payment_failed',
        'payment_intent.succeeded',
        'refund.created',
        'refund.failed',
        'refund.updated',
      ].sort(),
    );
  });
});
