/**
 * The payment rows of the event table in docs/architecture.md, through the real entry point: a
 * Stripe-shaped event, serialised and signed as Stripe does, verified, then mapped.
 */
import { describe, expect, it } from 'vitest';
import {
  CHARGE_ID,
  checkoutSession,
  declinedPaymentIntent,
  PAYMENT_ID,
  PAYMENT_INTENT_ID,
  paymentIntent,
  SESSION_ID,
} from '../../test/clinicpay-payment';
import { effectOf } from '../../test/signed-webhook';

describe('payment succeeded', () => {
  it('payment_intent.succeeded: our payment, its intent, charge and the amount received', () => {
    expect(effectOf('payment_intent.succeeded', paymentIntent())).toEqual({
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
    expect(effectOf('checkout.session.completed', checkoutSession())).toEqual({
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
    expect(effectOf('checkout.session.completed', session)).toMatchObject({
      amount: 5000,
      currency: 'jpy',
    });
  });

  it('checkout.session.async_payment_succeeded: the same fulfilment', () => {
    expect(effectOf('checkout.session.async_payment_succeeded', checkoutSession())).toMatchObject({
      kind: 'payment_succeeded',
      paymentId: PAYMENT_ID,
      checkoutSessionId: SESSION_ID,
    });
  });
});

describe('checkout completed without money yet', () => {
  it('unpaid (a delayed payment method): waits for the async outcome', () => {
    const unpaid = checkoutSession({ payment_status: 'unpaid' });
    expect(effectOf('checkout.session.completed', unpaid)).toEqual({
      kind: 'awaiting_async_payment',
      paymentId: PAYMENT_ID,
      checkoutSessionId: SESSION_ID,
      paymentIntentId: PAYMENT_INTENT_ID,
    });
  });

  it('no_payment_required: never confirms a booking nobody paid for', () => {
    const session = checkoutSession({
      payment_status: 'no_payment_required',
      amount_total: 0,
      payment_intent: null,
    });
    expect(effectOf('checkout.session.completed', session)).toMatchObject({
      kind: 'ignored',
      reason: 'no_payment_required',
    });
  });
});

describe('payment failed', () => {
  it("payment_intent.payment_failed: the issuer's decline code and Stripe's message", () => {
    expect(effectOf('payment_intent.payment_failed', declinedPaymentIntent())).toEqual({
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
      code: 'expired_card',
      declineCode: null,
      message: 'Your card has expired.',
    });
    expect(effectOf('payment_intent.payment_failed', intent)).toMatchObject({
      failureCode: 'expired_card',
      failureMessage: 'Your card has expired.',
    });
  });

  it('checkout.session.async_payment_failed: as payment_failed', () => {
    const unpaid = checkoutSession({ payment_status: 'unpaid' });
    expect(effectOf('checkout.session.async_payment_failed', unpaid)).toEqual({
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
    expect(effectOf('checkout.session.expired', session)).toEqual({
      kind: 'checkout_expired',
      paymentId: PAYMENT_ID,
      checkoutSessionId: SESSION_ID,
    });
  });
});
