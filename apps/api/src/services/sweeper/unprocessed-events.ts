import { paymentEffectOf } from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { AppDeps } from '../../deps.js';
import { PARKED_OUTCOME } from '../fulfilment/parked-events.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';
import { processStoredEvent } from '../webhooks/stripe-inbox.service.js';

/** Stored events get this long to be processed by their own delivery before the sweeper steps in. */
export const UNPROCESSED_GRACE_MS = 60_000;
/** A parked event whose payment never shows up is not ours after all. */
export const PARKED_GIVE_UP_MS = 3 * 24 * 3600_000;
const BATCH = 200;
const PARKED_BATCH = 20;

/** Events stored but never processed (a crash, a 500): processed now, exactly once as always. */
export async function processUnprocessedEvents(
  deps: AppDeps,
  settings: StripeSettings | null,
): Promise<number> {
  const now = deps.clock.now();
  await deps.db
    .updateTable('stripe_events')
    .set({ processed_at: now, outcome: 'not_ours' })
    .where('processed_at', 'is', null)
    .where('outcome', '=', PARKED_OUTCOME)
    .where('received_at', '<=', new Date(now.getTime() - PARKED_GIVE_UP_MS))
    .execute();
  const stale = new Date(now.getTime() - UNPROCESSED_GRACE_MS);
  // Events a crash or a 500 left behind come first; parked ones (waiting for their payment to be
  // known) are retried in a small batch after them, so they can never crowd the others out.
  const stranded = await deps.db
    .selectFrom('stripe_events')
    .select(['stripe_event_id', 'payload'])
    .where('processed_at', 'is', null)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '<>', PARKED_OUTCOME)]))
    .where('received_at', '<=', stale)
    .orderBy('received_at')
    .limit(BATCH)
    .execute();
  const parked = await deps.db
    .selectFrom('stripe_events')
    .select(['stripe_event_id', 'payload'])
    .where('processed_at', 'is', null)
    .where('outcome', '=', PARKED_OUTCOME)
    .where('received_at', '<=', stale)
    .orderBy('attempts')
    .orderBy('received_at')
    .limit(PARKED_BATCH)
    .execute();
  const events = [...stranded, ...parked];
  let processed = 0;
  for (const event of events) {
    const effect = paymentEffectOf(event.payload as unknown as Stripe.Event);
    const reply = await processStoredEvent(deps, event.stripe_event_id, effect, settings);
    if (reply.status === 200 && reply.body.outcome !== PARKED_OUTCOME) processed++;
  }
  return processed;
}
