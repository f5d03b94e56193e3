import type Stripe from 'stripe';
import { buildSession } from '../objects/checkout-session';
import { defaultPaymentMethodTypes } from '../payments/payment-methods';
import { DEFAULT_BASE_URL } from '../state';
import { DEFAULT_AMOUNT, DEFAULT_CURRENCY, nowSeconds } from './defaults';

type Overrides = Partial<Stripe.Checkout.Session>;

const DAY_SECONDS = 24 * 3600;

/**
 * A Checkout Session as the emulator creates it (embedded, card, payment mode, open and unpaid),
 * then `overrides`; the fields it derives (id, amounts, client secret) follow the overrides.
 */
export function stripeCheckoutSession(overrides: Overrides = {}): Stripe.Checkout.Session {
  const created = overrides.created ?? nowSeconds();
  const currency = overrides.currency ?? DEFAULT_CURRENCY;
  const session = buildSession({
    id: overrides.id,
    livemode: overrides.livemode ?? false,
    created,
    // Stripe's default lifetime for a session.
    expiresAt: overrides.expires_at ?? created + DAY_SECONDS,
    uiMode: overrides.ui_mode ?? 'embedded_page',
    currency,
    lineItems: [
      {
        name: 'Appointment',
        description: null,
        currency,
        unitAmount: overrides.amount_total ?? DEFAULT_AMOUNT,
        quantity: 1,
        taxBehavior: null,
      },
    ],
    metadata: overrides.metadata ?? {},
    clientReferenceId: overrides.client_reference_id ?? null,
    customerEmail: overrides.customer_email ?? null,
    returnUrl:
      overrides.return_url ?? 'https://clinic.example/return?session_id={CHECKOUT_SESSION_ID}',
    successUrl: overrides.success_url ?? null,
    cancelUrl: overrides.cancel_url ?? null,
    redirectOnCompletion: overrides.redirect_on_completion ?? null,
    locale: overrides.locale ?? null,
    submitType: overrides.submit_type ?? null,
    adaptivePricing: overrides.adaptive_pricing?.enabled ?? true,
    paymentMethodTypes: overrides.payment_method_types ?? defaultPaymentMethodTypes(currency),
    allowedPaymentMethodTypes: overrides.allowed_payment_method_types ?? null,
    baseUrl: DEFAULT_BASE_URL,
  });
  return { ...session, ...overrides };
}
