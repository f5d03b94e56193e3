/**
 * What Clinicpay asks Stripe for when a patient pays: the parameters of one Checkout Session.
 * Pure, so the rules (no health information, opaque ids, amounts untouched) are visible in one place.
 */
import { normalizeCurrencyCode } from '@clinicpay/contracts';
import type Stripe from 'stripe';
import { GatewayError } from '../gateway-errors';

export interface CreateCheckoutSessionInput {
  /** Our payment's id: opaque, the only link from Stripe's objects back to ours. */
  paymentId: string;
  /** Opaque too; in metadata so clinic staff can find the booking from Stripe's Dashboard. */
  bookingReference: string;
  /** Minor units, computed by the server from the service price. Never converted here. */
  amount: number;
  currency: string;
  clinicName: string;
  /** Where Embedded Checkout sends the patient; must contain `{CHECKOUT_SESSION_ID}`. */
  returnUrl: string;
  /** The end of the slot hold; Stripe accepts 30 minutes to 24 hours from now. */
  expiresAt: Date;
  customerEmail?: string | undefined;
}

export const SESSION_ID_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

/** One session per payment: a retried create returns the first session instead of a second. */
export function checkoutSessionIdempotencyKey(paymentId: string): string {
  return `checkout-session:${paymentId}`;
}

/** The line item's name: the clinic only, no health information (specialty, reason, patient). */
export function neutralProductName(clinicName: string): string {
  return `Appointment at ${clinicName.trim()}`;
}

function invalid(message: string): GatewayError {
  return new GatewayError('invalid_request', message);
}

export function checkoutSessionParams(
  input: CreateCheckoutSessionInput,
): Stripe.Checkout.SessionCreateParams {
  if (!(Number.isSafeInteger(input.amount) && input.amount > 0)) {
    throw invalid(
      'A checkout session needs a positive integer amount of minor units (free services skip payment)',
    );
  }
  if (!input.paymentId) throw invalid('A checkout session needs the payment id');
  if (!input.returnUrl.includes(SESSION_ID_PLACEHOLDER)) {
    throw invalid(`The return URL must contain ${SESSION_ID_PLACEHOLDER}`);
  }
  // Opaque ids only: Stripe never learns who the patient is or why they visit.
  const metadata = { payment_id: input.paymentId, booking_reference: input.bookingReference };
  return {
    mode: 'payment',
    // 'embedded' still type-checks but current API versions reject it.
    ui_mode: 'embedded_page',
    return_url: input.returnUrl,
    expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    client_reference_id: input.paymentId,
    metadata,
    // Copied onto the payment intent, so payment_intent.* events find the payment too.
    payment_intent_data: { metadata },
    submit_type: 'book',
    // The clinic chose its currency: no converted prices, so every amount Stripe reports back
    // (session, intent, charge, refund) is the one we asked for.
    adaptive_pricing: { enabled: false },
    // Cards only, as the addon: delayed methods would complete a checkout unpaid and decide days
    // later, long after the slot hold ends. (At this API version the list is a filter on what the
    // Dashboard enables; the older `payment_method_types` parameter is gone from the SDK's types.)
    allowed_payment_method_types: ['card'],
    ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: normalizeCurrencyCode(input.currency),
          unit_amount: input.amount,
          product_data: { name: neutralProductName(input.clinicName) },
        },
      },
    ],
  };
}
