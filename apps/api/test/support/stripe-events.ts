// Hand-built events shaped like Stripe's (the fields Stripe sends that our mapping reads, and the
// envelope), signed the way Stripe signs them, for the webhook route's tests.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { DEMO_KEYS } from '@clinicpay/stripe-emulator';

const stripe = new Stripe('sk_test_unused_for_signing');
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

export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  options: { livemode?: boolean; created?: number } = {},
) {
  return {
    id: rid('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: options.created ?? Math.floor(Date.now() / 1000),
    data: { object },
    livemode: options.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

const metadataOf = (p: PaymentRef) => ({ payment_id: p.paymentId, booking_reference: 'CP-TEST' });

export function paymentIntent(
  p: PaymentRef,
  status: 'succeeded' | 'requires_payment_method',
  declineCode?: string,
) {
  return {
    id: p.paymentIntentId,
    object: 'payment_intent',
    amount: p.amount,
    amount_received: status === 'succeeded' ? p.amount : 0,
    currency: p.currency,
    status,
    latest_charge: p.chargeId,
    metadata: metadataOf(p),
    livemode: false,
    last_payment_error: declineCode
      ? {
          type: 'card_error',
          code: 'card_declined',
          decline_code: declineCode,
          message: 'Your card was declined.',
        }
      : null,
  };
}

export function checkoutSession(
  p: PaymentRef,
  status: 'complete' | 'expired' | 'open',
  paymentStatus: 'paid' | 'unpaid',
) {
  return {
    id: p.checkoutSessionId,
    object: 'checkout.session',
    amount_total: p.amount,
    currency: p.currency,
    status,
    payment_status: paymentStatus,
    payment_intent: p.paymentIntentId,
    metadata: metadataOf(p),
    mode: 'payment',
    ui_mode: 'embedded_page',
    livemode: false,
  };
}

export function charge(p: PaymentRef, amountRefunded: number) {
  return {
    id: p.chargeId,
    object: 'charge',
    amount: p.amount,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === p.amount,
    currency: p.currency,
    payment_intent: p.paymentIntentId,
    metadata: metadataOf(p),
    livemode: false,
  };
}

export function refund(
  p: PaymentRef,
  id: string,
  amount: number,
  status: 'pending' | 'succeeded' | 'failed',
) {
  return {
    id,
    object: 'refund',
    amount,
    currency: p.currency,
    charge: p.chargeId,
    payment_intent: p.paymentIntentId,
    status,
    metadata: {},
    failure_reason: status === 'failed' ? 'expired_or_canceled_card' : null,
  };
}

export function dispute(
  p: PaymentRef,
  id: string,
  status: 'needs_response' | 'won' | 'lost' | 'prevented' | 'appeal_needs_response',
) {
  return {
    id,
    object: 'dispute',
    amount: p.amount,
    currency: p.currency,
    charge: p.chargeId,
    payment_intent: p.paymentIntentId,
    status,
    reason: 'fraudulent',
    livemode: false,
  };
}

export function signed(
  payload: string,
  options: { secret?: string; timestamp?: number } = {},
): string {
  return stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? DEMO_KEYS.webhookSigningSecret,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
}

/** POSTs an event to the API's webhook route, signed with the demo secret unless told otherwise. */
export async function deliver(
  apiUrl: string,
  event: object | string,
  options: {
    secret?: string;
    timestamp?: number;
    signature?: string | null;
    contentType?: string;
  } = {},
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
