import { closeParkedEventsBefore, findUnprocessedEvents, PARKED_OUTCOME } from '@clinicpay/db';
import { paymentEffectOf } from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { AppDeps } from '../../deps.js';
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
  await closeParkedEventsBefore(deps.db, new Date(now.getTime() - PARKED_GIVE_UP_MS), now);
  const stale = new Date(now.getTime() - UNPROCESSED_GRACE_MS);
  // Events a crash or a 500 left behind come first; parked ones (waiting for their payment to be
  // known) are retried in a small batch after them, so they can never crowd the others out.
  const stranded = await findUnprocessedEvents(deps.db, {
    parked: false,
    before: stale,
    limit: BATCH,
  });
  const parked = await findUnprocessedEvents(deps.db, {
    parked: true,
    before: stale,
    limit: PARKED_BATCH,
  });
  const events = [...stranded, ...parked];
  let processed = 0;
  for (const event of events) {
    const effect = paymentEffectOf(event.payload as unknown as Stripe.Event);
    const reply = await processStoredEvent(deps, event.stripe_event_id, effect, settings);
    if (reply.status === 200 && reply.body.outcome !== PARKED_OUTCOME) processed++;
  }
  return processed;
}
