/**
 * The parameters of `POST /v1/checkout/sessions`, as the current API version takes them. Every
 * top-level parameter Stripe knows is listed (unknown ones get `parameter_unknown`); those the
 * emulator does not model are accepted and ignored (`p.any()`).
 */
import { p, type InferFields } from '../params';

const UI_MODES = ['elements', 'embedded_page', 'form', 'hosted_page'] as const;

const productData = p.object({
  name: p.required(p.string({ maxLength: 5000 })),
  description: p.string({ maxLength: 40000 }),
  images: p.array(p.string()),
  metadata: p.metadata(),
  tax_code: p.string(),
  unit_label: p.string(),
});

const priceData = p.object({
  currency: p.required(p.string()),
  unit_amount: p.integer({ min: 0 }),
  unit_amount_decimal: p.string(),
  product: p.string(),
  product_data: productData,
  recurring: p.any(),
  tax_behavior: p.string({ values: ['exclusive', 'inclusive', 'unspecified'] }),
});

const lineItem = p.object({
  price: p.string(),
  price_data: priceData,
  quantity: p.integer({ min: 1, max: 999999 }),
  adjustable_quantity: p.any(),
  dynamic_tax_rates: p.any(),
  metadata: p.metadata(),
  tax_rates: p.any(),
});

const paymentIntentData = p.object({
  metadata: p.metadata(),
  description: p.string({ maxLength: 1000 }),
  receipt_email: p.string(),
  statement_descriptor: p.string({ maxLength: 22 }),
  statement_descriptor_suffix: p.string({ maxLength: 22 }),
  capture_method: p.string({ values: ['automatic', 'automatic_async', 'manual'] }),
  setup_future_usage: p.string({ values: ['off_session', 'on_session'] }),
  application_fee_amount: p.integer({ min: 0 }),
  on_behalf_of: p.string(),
  shipping: p.any(),
  transfer_data: p.any(),
  transfer_group: p.string(),
});

export const createSessionFields = {
  mode: p.required(p.string({ values: ['payment', 'setup', 'subscription'] })),
  ui_mode: p.string({ values: UI_MODES }),
  line_items: p.array(lineItem),
  metadata: p.metadata(),
  client_reference_id: p.string({ maxLength: 200 }),
  customer_email: p.string({ maxLength: 800 }),
  payment_intent_data: paymentIntentData,
  return_url: p.string({ url: true, maxLength: 5000 }),
  success_url: p.string({ url: true, maxLength: 5000 }),
  cancel_url: p.string({ url: true, maxLength: 5000 }),
  redirect_on_completion: p.string({ values: ['always', 'if_required', 'never'] }),
  expires_at: p.integer(),
  currency: p.string(),
  locale: p.string(),
  submit_type: p.string({ values: ['auto', 'book', 'donate', 'pay', 'subscribe'] }),
  payment_method_types: p.array(p.string()),
  allowed_payment_method_types: p.array(p.string()),
  expand: p.array(p.string()),
  customer: p.string(),
  adaptive_pricing: p.object({ enabled: p.boolean() }),
  // Known to Stripe, not modelled here: accepted and ignored.
  after_expiration: p.any(),
  allow_promotion_codes: p.any(),
  automatic_tax: p.any(),
  billing_address_collection: p.any(),
  branding_settings: p.any(),
  consent_collection: p.any(),
  custom_fields: p.any(),
  custom_text: p.any(),
  customer_account: p.any(),
  customer_creation: p.any(),
  customer_update: p.any(),
  discounts: p.any(),
  excluded_payment_method_types: p.any(),
  integration_identifier: p.any(),
  invoice_creation: p.any(),
  managed_payments: p.any(),
  name_collection: p.any(),
  optional_items: p.any(),
  origin_context: p.any(),
  payment_method_collection: p.any(),
  payment_method_configuration: p.any(),
  payment_method_data: p.any(),
  payment_method_options: p.any(),
  permissions: p.any(),
  phone_number_collection: p.any(),
  saved_payment_method_options: p.any(),
  setup_intent_data: p.any(),
  shipping_address_collection: p.any(),
  shipping_options: p.any(),
  subscription_data: p.any(),
  tax_id_collection: p.any(),
  wallet_options: p.any(),
};

export type CreateSessionParams = InferFields<typeof createSessionFields>;
export type LineItemParams = NonNullable<CreateSessionParams['line_items']>[number];
