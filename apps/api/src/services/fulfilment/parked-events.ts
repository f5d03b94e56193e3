import { sql } from '@clinicpay/db';
import { paymentEffectOf, type PaymentEffect } from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { Cause, FulfilmentResult, Tx } from './fulfilment-types.js';

/**
 * Refunds and disputes name Stripe's payment intent, not our payment. One that arrives before
 * any event told us that intent id cannot be matched yet: it is parked (stored, 200, not
 * processed) and replayed here the moment a payment learns its intent id, so the end state does
 * not depend on the order Stripe delivered in.
 */
export const PARKED_OUTCOME = 'unmatched';

export function canPark(effect: PaymentEffect): boolean {
  return effect.kind === 'charge_refunded' || effect.kind === 'refund_updated' || effect.kind === 'dispute_updated';
}

export async function replayParkedEvents(
  trx: Tx,
  paymentIntentId: string,
  livemode: boolean,
  apply: (effect: PaymentEffect, cause: Cause) => Promise<FulfilmentResult>,
  at: Date,
): Promise<void> {
  const parked = await trx
    .selectFrom('stripe_events')
    .select(['id', 'stripe_event_id', 'payload'])
    .where('outcome', '=', PARKED_OUTCOME)
    .where('processed_at', 'is', null)
    .where('livemode', '=', livemode)
    .where(sql<string>`payload #>> '{data,object,payment_intent}'`, '=', paymentIntentId)
    .orderBy('received_at')
    .forUpdate()
    .execute();
  for (const event of parked) {
    const effect = paymentEffectOf(event.payload as unknown as Stripe.Event);
    const result = await apply(effect, { source: 'webhook', at, stripeEventId: event.stripe_event_id, reason: 'replayed' });
    // Still unmatched (the intent id was not stored after all): it stays parked.
    if (result.outcome === 'not_ours') continue;
    await trx.updateTable('stripe_events').set({ processed_at: at, outcome: result.outcome }).where('id', '=', event.id).execute();
  }
}
