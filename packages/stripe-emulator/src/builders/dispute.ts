import type Stripe from 'stripe';
import { buildDispute } from '../objects/dispute';
import { chargeFrom } from './charge';
import { idOf, nowSeconds } from './defaults';

/** A dispute as a cardholder's bank opens it (needs_response, the whole charge), then `overrides`. */
export function stripeDispute(overrides: Partial<Stripe.Dispute> = {}): Stripe.Dispute {
  const charge = chargeFrom({
    id: idOf(overrides.charge),
    payment_intent: idOf(overrides.payment_intent),
    currency: overrides.currency,
    livemode: overrides.livemode,
  });
  const dispute = buildDispute({
    charge,
    amount: overrides.amount ?? charge.amount,
    reason: overrides.reason ?? 'fraudulent',
    created: overrides.created ?? nowSeconds(),
  });
  return { ...dispute, ...overrides };
}
