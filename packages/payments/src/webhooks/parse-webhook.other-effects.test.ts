/**
 * The after-payment rows of DESIGN.md's event table (refunds, disputes), what is ignored, and the
 * list of handled events, through the real entry point.
 */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { charge } from './fixtures/charge';
import { checkoutSession } from './fixtures/checkout-session';
import { dispute } from './fixtures/dispute';
import { effectOf, stripeEvent } from './fixtures/event';
import { CHARGE_ID, DISPUTE_ID, PAYMENT_ID, PAYMENT_INTENT_ID, REFUND_ID } from './fixtures/ids';
import { declinedPaymentIntent, paymentIntent } from './fixtures/payment-intent';
import { refund } from './fixtures/refund';
import { HANDLED_STRIPE_EVENTS } from './handled-events';

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
