/**
 * The payment rows of DESIGN.md's event table, through the real entry point: a Stripe-shaped
 * event, serialised and signed as Stripe does, verified, then mapped.
 */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { checkoutSession } from './fixtures/checkout-session';
import { effectOf, stripeEvent } from './fixtures/event';
import { CHARGE_ID, PAYMENT_ID, PAYMENT_INTENT_ID } from './fixtures/ids';
import { declinedPaymentIntent, paymentIntent } from './fixtures/payment-intent';

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
