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

/**
 * Serialises parking an event for an intent with a payment learning that intent: both take this
 * lock (until their transaction ends). Without it, an event could look for its payment just
 * before the payment's own transaction commits the intent id, and be parked just after that
 * transaction looked for parked events: then it waited for the sweeper instead of a moment.
 */
export async function lockIntent(trx: Tx, paymentIntentId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`parked:${paymentIntentId}`}, 0))`.execute(
    trx,
  );
}

export async function replayParkedEvents(
  trx: Tx,
  paymentIntentId: string,
  livemode: boolean,
  apply: (effect: PaymentEffect, cause: Cause) => Promise<FulfilmentResult>,
  at: Date,
): Promise<void> {
  await lockIntent(trx, paymentIntentId);
  const parked = await trx
    .selectFrom('stripe_events')
    .select(['id', 'stripe_event_id', 'payload'])
    .where('outcome', '=', PARKED_OUTCOME)
    .where('processed_at', 'is', null)
    .where('livemode', '=', livemode)
    .where(sql<string>`payload #>> '{data,object,payment_intent}'`, '=', paymentIntentId)
    .orderBy('received_at')
    // A parked event locked by its own retry (a delivery, the sweeper, an admin replay) is waiting
    // for the intent lock this transaction holds: waiting for its row would deadlock. Skipped, it
    // looks again once this commits, and finds the intent id.
    .forUpdate()
    .skipLocked()
    .execute();
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
    await trx
      .updateTable('stripe_events')
      .set({ processed_at: at, outcome: result.outcome })
      .where('id', '=', event.id)
      .execute();
  }
}
