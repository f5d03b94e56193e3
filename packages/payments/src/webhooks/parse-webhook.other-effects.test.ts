/**
 * The after-payment rows of the event table in docs/architecture.md (refunds, disputes), what is
 * ignored, and the list of handled events, through the real entry point.
 */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  charge,
  CHARGE_ID,
  checkoutSession,
  declinedPaymentIntent,
  dispute,
  DISPUTE_ID,
  PAYMENT_ID,
  PAYMENT_INTENT_ID,
  paymentIntent,
  refund,
  REFUND_ID,
} from '../../test/clinicpay-payment';
import { effectOf } from '../../test/signed-webhook';
import { HANDLED_STRIPE_EVENTS } from './handled-events';

describe('refunds', () => {
  it('charge.refunded: the refunded total against the charge amount (Dashboard refunds too)', () => {
    const refunded = charge({ amount_refunded: 2000, refunded: false });
    const previousAttributes = { amount_refunded: 0 };
    expect(effectOf('charge.refunded', refunded, { previousAttributes })).toEqual({
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
    const fullyRefunded = charge({ amount_refunded: 5000, refunded: true, refunds });
    expect(effectOf('charge.refunded', fullyRefunded)).toMatchObject({
      amountRefunded: 5000,
      refunds: [{ id: REFUND_ID, amount: 5000, status: 'succeeded' }],
    });
  });

  it.each(['refund.created', 'refund.updated'] as const)('%s: the refund row status', (type) => {
    expect(effectOf(type, refund({ status: 'pending' }))).toEqual({
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
    expect(effectOf('refund.failed', failed)).toMatchObject({
      kind: 'refund_updated',
      status: 'failed',
      failureReason: 'expired_or_canceled_card',
    });
  });

  it('a refund status Stripe adds later reads as pending, never as final', () => {
    expect(effectOf('refund.updated', refund({ status: 'reversed_someday' }))).toMatchObject({
      status: 'pending',
    });
  });
});

describe('disputes', () => {
  it.each([
    ['charge.dispute.created', 'needs_response'],
    ['charge.dispute.updated', 'under_review'],
    ['charge.dispute.closed', 'lost'],
  ] as const)('%s: the payment is flagged with the status %s', (type, status) => {
    expect(effectOf(type, dispute({ status }))).toEqual({
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
    const created = paymentIntent({ status: 'requires_payment_method' });
    expect(effectOf('payment_intent.created', created)).toMatchObject({
      kind: 'ignored',
      reason: 'unhandled_event_type',
    });
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
    expect(effectOf(type, object() as never)).toMatchObject({
      kind: 'ignored',
      reason: 'not_ours',
    });
  });

  it('ignores a refunded charge that no payment intent made', () => {
    expect(effectOf('charge.refunded', charge({ payment_intent: null }))).toMatchObject({
      kind: 'ignored',
      reason: 'not_ours',
    });
  });

  it('does not trust client_reference_id alone: only our metadata marks a session as ours', () => {
    const session = checkoutSession({ metadata: {}, client_reference_id: PAYMENT_ID });
    expect(effectOf('checkout.session.completed', session)).toMatchObject({ kind: 'ignored' });
  });

  it('acknowledges a signed event whose object lacks what the mapping needs', () => {
    const partial = { id: 'du_x' } as Stripe.Dispute;
    expect(effectOf('charge.dispute.created', partial)).toMatchObject({
      kind: 'ignored',
      reason: 'unexpected_object',
    });
  });

  it('acknowledges, rather than fails, a signed event the mapping cannot read', () => {
    const broken = charge({
      refunds: { object: 'list', data: [null], has_more: false, url: '' } as never,
    });
    expect(effectOf('charge.refunded', broken)).toMatchObject({
      kind: 'ignored',
      reason: 'unexpected_object',
    });
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
    expect(effectOf(type, objectFor[type]() as never).kind).not.toBe('ignored');
  });

  it('lists every event type of the event table in docs/architecture.md', () => {
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
