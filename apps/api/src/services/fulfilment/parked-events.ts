import { lockParkedEventsFor, lockParkedIntent, markStripeEventProcessed } from '@clinicpay/db';
import { paymentEffectOf, type PaymentEffect } from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { Cause, FulfilmentResult, Tx } from './fulfilment-types.js';

/**
 * Refunds and disputes name Stripe's payment intent, not our payment. One that arrives before
 * any event told us that intent id cannot be matched yet: it is parked (stored, 200, not
 * processed) and replayed here the moment a payment learns its intent id, so the end state does
 * not depend on the order Stripe delivered in.
 */
export function canPark(effect: PaymentEffect): boolean {
  return (
    effect.kind === 'charge_refunded' ||
    effect.kind === 'refund_updated' ||
    effect.kind === 'dispute_updated'
  );
}

/** The payment intent a parkable effect names, if any. */
export function intentToWaitFor(effect: PaymentEffect): string | null {
  return canPark(effect) && 'paymentIntentId' in effect ? effect.paymentIntentId : null;
}

export async function replayParkedEvents(
  trx: Tx,
  paymentIntentId: string,
  livemode: boolean,
  apply: (effect: PaymentEffect, cause: Cause) => Promise<FulfilmentResult>,
  at: Date,
): Promise<void> {
  await lockParkedIntent(trx, paymentIntentId);
  const parked = await lockParkedEventsFor(trx, paymentIntentId, livemode);
  for (const event of parked) {
    const effect = paymentEffectOf(event.payload as unknown as Stripe.Event);
    const result = await apply(effect, {
      source: 'webhook',
      at,
      stripeEventId: event.stripe_event_id,
      reason: 'replayed',
    });
    // Still unmatched (the intent id was not stored after all): it stays parked.
    if (result.outcome === 'not_ours') continue;
    await markStripeEventProcessed(trx, event.id, result.outcome, at);
  }
}
