import type Stripe from 'stripe';
import { newId } from '../ids';
import {
  buildPaymentIntent,
  declinedChanges,
  succeededChanges,
  type CardFailure,
} from '../objects/payment-intent';
import { DEFAULT_AMOUNT, DEFAULT_CURRENCY, idOf, nowSeconds } from './defaults';

type Overrides = Partial<Stripe.PaymentIntent>;

/** The intent the emulator creates for a session's first attempt, from the fields given. */
export function intentFrom(fields: Overrides): Stripe.PaymentIntent {
  return buildPaymentIntent({
    id: fields.id,
    livemode: fields.livemode ?? false,
    created: fields.created ?? nowSeconds(),
    amount: fields.amount ?? DEFAULT_AMOUNT,
    currency: fields.currency ?? DEFAULT_CURRENCY,
    metadata: fields.metadata ?? {},
    description: fields.description ?? null,
    receiptEmail: fields.receipt_email ?? null,
    statementDescriptor: fields.statement_descriptor ?? null,
    statementDescriptorSuffix: fields.statement_descriptor_suffix ?? null,
  });
}

/** A payment intent as Checkout creates it (requires_payment_method), then `overrides`. */
export function stripePaymentIntent(overrides: Overrides = {}): Stripe.PaymentIntent {
  return { ...intentFrom(overrides), ...overrides };
}

/** The intent once its card was charged: succeeded, its amount received, its latest charge. */
export function stripeSucceededPaymentIntent(overrides: Overrides = {}): Stripe.PaymentIntent {
  const intent = intentFrom(overrides);
  const chargeId = idOf(overrides.latest_charge) ?? newId('ch', 24);
  const paymentMethodId = idOf(overrides.payment_method) ?? newId('pm', 24);
  return { ...intent, ...succeededChanges(intent, chargeId, paymentMethodId), ...overrides };
}

/** The intent after `failure` declined its card: requires_payment_method again, with the error. */
export function stripeDeclinedPaymentIntent(
  failure: CardFailure,
  overrides: Overrides = {},
): Stripe.PaymentIntent {
  const chargeId = idOf(overrides.latest_charge) ?? newId('ch', 24);
  return { ...intentFrom(overrides), ...declinedChanges(chargeId, failure), ...overrides };
}
