// Events for the webhook route's tests: the emulator's Stripe objects given a payment's ids, in
// Stripe's envelope, signed the way Stripe signs them.
import { randomBytes } from 'node:crypto';
import { DEMO_KEYS } from '@clinicpay/stripe-emulator';
import {
  signWebhookPayload,
  stripeCharge,
  stripeCheckoutSession,
  stripeDeclinedPaymentIntent,
  stripeDispute,
  stripeEvent as buildEvent,
  stripePaymentIntent,
  stripeRefund,
  stripeSucceededPaymentIntent,
  type EventType,
} from '@clinicpay/stripe-emulator/builders';
import type Stripe from 'stripe';

const rid = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export interface PaymentRef {
  paymentId: string;
  checkoutSessionId: string;
  paymentIntentId: string;
  chargeId: string;
  amount: number;
  currency: string;
}

export function newPaymentRef(
  paymentId: string,
  checkoutSessionId: string,
  amount = 6000,
): PaymentRef {
  return {
    paymentId,
    checkoutSessionId,
    paymentIntentId: rid('pi'),
    chargeId: rid('ch'),
    amount,
    currency: 'usd',
  };
}

/** An event of any type around any object: the envelope is Stripe's, the object what the test needs. */
export type TestEvent<O extends object> = Omit<Stripe.Event, 'type' | 'data'> & {
  type: string;
  data: { object: O };
};

/** `object` in Stripe's envelope; any type and object, so a test can send what the route must refuse. */
export function stripeEvent<O extends object>(
  type: string,
  object: O,
  options: { livemode?: boolean; created?: number } = {},
): TestEvent<O> {
  return buildEvent(type as EventType, object as never, options) as TestEvent<O>;
}

const metadataOf = (p: PaymentRef) => ({ payment_id: p.paymentId, booking_reference: 'CP-TEST' });

export function paymentIntent(
  p: PaymentRef,
  status: 'succeeded' | 'requires_payment_method',
  declineCode?: string,
): Stripe.PaymentIntent {
  const fields = {
    id: p.paymentIntentId,
    amount: p.amount,
    currency: p.currency,
    latest_charge: p.chargeId,
    metadata: metadataOf(p),
  };
  if (status === 'succeeded') return stripeSucceededPaymentIntent(fields);
  if (!declineCode) return stripePaymentIntent(fields);
  const failure = { code: 'card_declined', declineCode, message: 'Your card was declined.' };
  return stripeDeclinedPaymentIntent(failure, fields);
}

/** The event that pays `p`: its intent succeeded. */
export const paymentSucceeded = (p: PaymentRef, options: { livemode?: boolean } = {}) =>
  stripeEvent('payment_intent.succeeded', paymentIntent(p, 'succeeded'), options);

export function checkoutSession(
  p: PaymentRef,
  status: 'complete' | 'expired' | 'open',
  paymentStatus: 'paid' | 'unpaid',
): Stripe.Checkout.Session {
  return stripeCheckoutSession({
    id: p.checkoutSessionId,
    amount_total: p.amount,
    currency: p.currency,
    status,
    payment_status: paymentStatus,
    payment_intent: p.paymentIntentId,
    metadata: metadataOf(p),
  });
}

export function charge(p: PaymentRef, amountRefunded: number): Stripe.Charge {
  return stripeCharge({
    id: p.chargeId,
    amount: p.amount,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === p.amount,
    currency: p.currency,
    payment_intent: p.paymentIntentId,
    metadata: metadataOf(p),
  });
}

export function refund(
  p: PaymentRef,
  id: string,
  amount: number,
  status: 'pending' | 'succeeded' | 'failed',
): Stripe.Refund {
  return stripeRefund({
    id,
    amount,
    currency: p.currency,
    charge: p.chargeId,
    payment_intent: p.paymentIntentId,
    status,
    metadata: {},
    ...(status === 'failed' ? { failure_reason: 'expired_or_canceled_card' } : {}),
  });
}

export function dispute(
  p: PaymentRef,
  id: string,
  status: 'needs_response' | 'won' | 'lost' | 'prevented' | 'appeal_needs_response',
): Stripe.Dispute {
  return stripeDispute({
    id,
    amount: p.amount,
    currency: p.currency,
    charge: p.chargeId,
    payment_intent: p.paymentIntentId,
    status,
    reason: 'fraudulent',
  });
}

export function signed(
  payload: string,
  options: { secret?: string; timestamp?: number } = {},
): string {
  return signWebhookPayload(
    payload,
    options.secret ?? DEMO_KEYS.webhookSigningSecret,
    options.timestamp,
  );
}

export interface DeliverOptions {
  secret?: string;
  timestamp?: number;
  signature?: string | null;
  contentType?: string;
}

/** POSTs an event to the API's webhook route, signed with the demo secret unless told otherwise. */
export async function deliver(
  apiUrl: string,
  event: object | string,
  options: DeliverOptions = {},
) {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
  };
  const signature = options.signature === undefined ? signed(body, options) : options.signature;
  if (signature !== null) headers['stripe-signature'] = signature;
  const response = await fetch(`${apiUrl}/webhooks/stripe`, { method: 'POST', headers, body });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as { outcome?: string; error?: string } | null,
  };
}
