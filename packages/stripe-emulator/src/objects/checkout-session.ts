/** Builds Checkout Session objects with Stripe's defaults for a card payment-mode session. */
import type Stripe from 'stripe';
import { newId, newSessionId, randomAlnum } from '../ids';

export interface LineItemInput {
  name: string;
  description: string | null;
  currency: string;
  unitAmount: number;
  quantity: number;
  taxBehavior: Stripe.Price.TaxBehavior | null;
}

export interface SessionInput {
  /** A new id unless given. */
  id?: string | undefined;
  livemode: boolean;
  created: number;
  expiresAt: number;
  uiMode: Stripe.Checkout.Session.UiMode;
  currency: string;
  lineItems: LineItemInput[];
  metadata: Record<string, string>;
  clientReferenceId: string | null;
  customerEmail: string | null;
  returnUrl: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  redirectOnCompletion: Stripe.Checkout.Session.RedirectOnCompletion | null;
  locale: Stripe.Checkout.Session.Locale | null;
  submitType: Stripe.Checkout.Session.SubmitType | null;
  /** Adaptive Pricing: the payer may pay in their own currency (Stripe's default: on). */
  adaptivePricing: boolean;
  /** As sent, or the Dashboard's set (`defaultPaymentMethodTypes`). */
  paymentMethodTypes: string[];
  /** The create call's `allowed_payment_method_types` filter, echoed; null when not sent. */
  allowedPaymentMethodTypes: string[] | null;
  baseUrl: string;
}

export function buildLineItem(
  input: LineItemInput,
  livemode: boolean,
  created: number,
): Stripe.LineItem {
  const total = input.unitAmount * input.quantity;
  return {
    id: newId('li', 24),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: total,
    amount_tax: 0,
    amount_total: total,
    currency: input.currency,
    description: input.name,
    metadata: {},
    price: {
      id: newId('price', 24),
      object: 'price',
      active: false,
      billing_scheme: 'per_unit',
      created,
      currency: input.currency,
      custom_unit_amount: null,
      livemode,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: newId('prod', 14),
      recurring: null,
      tax_behavior: input.taxBehavior ?? 'unspecified',
      tiers_mode: null,
      transform_quantity: null,
      type: 'one_time',
      unit_amount: input.unitAmount,
      unit_amount_decimal: null,
    },
    quantity: input.quantity,
  };
}

const embeddedLike = (mode: string) =>
  mode === 'embedded_page' || mode === 'elements' || mode === 'form';

export function buildSession(input: SessionInput): Stripe.Checkout.Session {
  const id = input.id ?? newSessionId(input.livemode);
  const total = input.lineItems.reduce((sum, li) => sum + li.unitAmount * li.quantity, 0);
  const embedded = embeddedLike(input.uiMode);
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: input.adaptivePricing },
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: input.allowedPaymentMethodTypes,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: embedded ? `${id}_secret_${randomAlnum(24)}` : null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: null,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: input.customerEmail
      ? {
          address: null,
          business_name: null,
          email: input.customerEmail,
          individual_name: null,
          name: null,
          phone: null,
          tax_exempt: 'none',
          tax_ids: null,
        }
      : null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: input.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: input.livemode,
    locale: input.locale,
    managed_payments: null,
    metadata: input.metadata,
    mode: 'payment',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: 'automatic' } },
    payment_method_types: input.paymentMethodTypes,
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    ...(embedded
      ? {
          redirect_on_completion: input.redirectOnCompletion ?? 'always',
          ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
        }
      : {}),
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: input.submitType,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: input.uiMode,
    // The hosted page the checkout page issue will serve; embedded sessions have no URL.
    url: embedded ? null : `${input.baseUrl}/c/pay/${id}`,
    wallet_options: null,
  };
}
