import { paymentEffectOf } from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { AppDeps } from '../../trpc.js';
import { PARKED_OUTCOME } from '../fulfilment/parked-events.js';
import type { StripeSettings } from '../payments/stripe-settings.js';
import { processStoredEvent } from '../webhooks/stripe-inbox.service.js';

/** Stored events get this long to be processed by their own delivery before the sweeper steps in. */
export const UNPROCESSED_GRACE_MS = 60_000;
/** A parked event whose payment never shows up is not ours after all. */
export const PARKED_GIVE_UP_MS = 3 * 24 * 3600_000;
const BATCH = 200;

/** Events stored but never processed (a crash, a 500): processed now, exactly once as always. */
export async function processUnprocessedEvents(deps: AppDeps, settings: StripeSettings | null): Promise<number> {
  const now = deps.clock.now();
  await deps.db
    .updateTable('stripe_events')
    .set({ processed_at: now, outcome: 'not_ours' })
    .where('processed_at', 'is', null)
    .where('outcome', '=', PARKED_OUTCOME)
    .where('received_at', '<=', new Date(now.getTime() - PARKED_GIVE_UP_MS))
    .execute();
  const events = await deps.db
    .selectFrom('stripe_events')
    .select(['stripe_event_id', 'payload'])
    .where('processed_at', 'is', null)
    .where('received_at', '<=', new Date(now.getTime() - UNPROCESSED_GRACE_MS))
    .orderBy('received_at')
    .limit(BATCH)
    .execute();
  let processed = 0;
  for (const event of events) {
    const effect = paymentEffectOf(event.payload as unknown as Stripe.Event);
    const reply = await processStoredEvent(deps, event.stripe_event_id, effect, settings);
    if (reply.status === 200 && reply.body.outcome !== PARKED_OUTCOME) processed++;
  }
  return processed;
}
