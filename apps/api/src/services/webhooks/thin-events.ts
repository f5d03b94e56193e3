import type { ParsedWebhook } from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { AppDeps } from '../../deps.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';

/**
 * A thin event says only which object changed. The full event is read from Stripe with the key of
 * the event's own mode: the snapshot event it names when it names one (the same facts a snapshot
 * payload would have carried), else the object as it is now, wrapped as that event. Null when no
 * key is saved for the mode.
 */
export async function fetchThinEvent(
  deps: AppDeps,
  parsed: ParsedWebhook,
  settings: StripeSettings | null,
): Promise<Stripe.Event | null> {
  const { thin, event } = parsed;
  const secretKey = settings?.keys[event.livemode ? 'live' : 'test'].secretKey;
  if (!thin || !secretKey) return null;
  const gateway = deps.stripeGatewayFor(secretKey);
  if (thin.snapshotEventId) return gateway.retrieveEvent(thin.snapshotEventId);
  const object = await gateway.retrieveObject(thin.relatedObject.url);
  return {
    id: event.id,
    object: 'event',
    type: event.type,
    livemode: event.livemode,
    created: Math.floor(event.created.getTime() / 1000),
    api_version: null,
    data: { object },
    pending_webhooks: 0,
    request: null,
  } as unknown as Stripe.Event;
}
