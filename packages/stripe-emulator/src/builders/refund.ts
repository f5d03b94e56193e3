import type Stripe from 'stripe';
import { buildRefund } from '../objects/refund';
import { chargeFrom } from './charge';
import { idOf, nowSeconds } from './defaults';

/** A card refund as the emulator makes it (succeeded, of a whole charge unless told), then `overrides`. */
export function stripeRefund(overrides: Partial<Stripe.Refund> = {}): Stripe.Refund {
  const charge = chargeFrom({
    id: idOf(overrides.charge),
    payment_intent: idOf(overrides.payment_intent),
    currency: overrides.currency,
  });
  const refund = buildRefund({
    charge,
    amount: overrides.amount ?? charge.amount,
    created: overrides.created ?? nowSeconds(),
    reason: overrides.reason ?? null,
    metadata: overrides.metadata ?? {},
  });
  return { ...refund, ...overrides };
}
