/** Builds the payment intent a Checkout Session creates when the customer first pays. */
import type Stripe from 'stripe';
import { newId, randomAlnum } from '../ids';

export interface PaymentIntentInput {
  /** A new id unless given. */
  id?: string | undefined;
  livemode: boolean;
  created: number;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  description: string | null;
  receiptEmail: string | null;
  statementDescriptor: string | null;
  statementDescriptorSuffix: string | null;
  /** The session's types; cards only unless given. */
  paymentMethodTypes?: string[];
}

export function buildPaymentIntent(input: PaymentIntentInput): Stripe.PaymentIntent {
  const id = input.id ?? newId('pi', 24);
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    // Payment intents that Checkout creates now capture asynchronously by default.
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomAlnum(25)}`,
    confirmation_method: 'automatic',
    created: input.created,
    currency: input.currency,
    customer: null,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: input.livemode,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: 'automatic',
      },
    },
    payment_method_types: input.paymentMethodTypes ?? ['card'],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: input.statementDescriptor,
    statement_descriptor_suffix: input.statementDescriptorSuffix,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

/** What a card's charge failing says: Stripe's error code, the issuer's decline code, the message. */
export interface CardFailure {
  code: string;
  declineCode: string | null;
  message: string;
}

/** What a successful charge changes on its intent. */
export function succeededChanges(
  intent: Stripe.PaymentIntent,
  chargeId: string,
  paymentMethodId: string,
) {
  return {
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: chargeId,
    payment_method: paymentMethodId,
    last_payment_error: null,
    next_action: null,
  } satisfies Partial<Stripe.PaymentIntent>;
}

/** What a declined charge changes on its intent: back to requires_payment_method, with the error. */
export function declinedChanges(chargeId: string, failure: CardFailure) {
  return {
    status: 'requires_payment_method',
    latest_charge: chargeId,
    payment_method: null,
    next_action: null,
    last_payment_error: {
      charge: chargeId,
      code: failure.code,
      ...(failure.declineCode ? { decline_code: failure.declineCode } : {}),
      doc_url: `https://stripe.com/docs/error-codes/${failure.code.replace(/_/g, '-')}`,
      message: failure.message,
      payment_method_type: 'card',
      type: 'card_error',
    },
  } satisfies Partial<Stripe.PaymentIntent>;
}
