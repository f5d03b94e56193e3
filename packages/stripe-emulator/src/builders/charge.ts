import type Stripe from 'stripe';
import { newId } from '../ids';
import { buildCharge } from '../objects/charge';
import { DEFAULT_BASE_URL } from '../state';
import { idOf, nowSeconds, successCard } from './defaults';
import { intentFrom } from './payment-intent';

type Overrides = Partial<Stripe.Charge>;

/** The charge of a successful card payment on its intent, from the fields given. */
export function chargeFrom(fields: Overrides): Stripe.Charge {
  const created = fields.created ?? nowSeconds();
  const paymentIntent = intentFrom({
    id: idOf(fields.payment_intent),
    livemode: fields.livemode,
    created,
    amount: fields.amount,
    currency: fields.currency,
    metadata: fields.metadata,
  });
  return buildCharge({
    id: fields.id,
    paymentIntent,
    paymentMethodId: fields.payment_method ?? newId('pm', 24),
    card: successCard(),
    created,
    billing: { email: null, name: null },
    baseUrl: DEFAULT_BASE_URL,
  });
}

/**
 * A charge as a successful card payment leaves it (amount, currency and metadata copied from its
 * intent, as Stripe copies them), then `overrides`.
 */
export function stripeCharge(overrides: Overrides = {}): Stripe.Charge {
  return { ...chargeFrom(overrides), ...overrides };
}
