/**
 * What an endpoint is sent for an event: the snapshot event (Stripe's classic webhook) rendered
 * for the endpoint's API version, or a thin event as Stripe's event destinations send for API v1
 * resources — a `v2.core.event` naming the changed object and the snapshot event, with no data.
 */
import type Stripe from 'stripe';
import type { PayloadStyle } from './endpoints';

export interface ThinEvent {
  id: string;
  object: 'v2.core.event';
  /** The snapshot type with the `v1.` prefix, e.g. `v1.checkout.session.completed`. */
  type: string;
  /** An ISO 8601 time, as the v2 API writes times. */
  created: string;
  livemode: boolean;
  related_object: { id: string; type: string; url: string };
  /** The id of the v1 snapshot event (`GET /v1/events/:id` serves it). */
  snapshot_event: string;
  reason?: { type: 'request'; request: { id: string; idempotency_key: string | null } };
}

// Where each modelled object is read with a v1 GET, for `related_object.url`.
const PATHS: Record<string, string> = {
  'checkout.session': '/v1/checkout/sessions',
  payment_intent: '/v1/payment_intents',
  charge: '/v1/charges',
  refund: '/v1/refunds',
  dispute: '/v1/disputes',
};

/** The thin event's id, derived from the snapshot's so every delivery of one event agrees. */
export function thinEventId(event: Stripe.Event): string {
  return `evt_${event.livemode ? '' : 'test_'}65${event.id.replace(/^evt_/, '')}`;
}

export function thinEvent(event: Stripe.Event): ThinEvent {
  const object = event.data.object as { id: string; object: string };
  const request = event.request;
  return {
    id: thinEventId(event),
    object: 'v2.core.event',
    type: `v1.${event.type}`,
    created: new Date(event.created * 1000).toISOString(),
    livemode: event.livemode,
    related_object: {
      id: object.id,
      type: object.object,
      url: `${PATHS[object.object] ?? `/v1/${object.object}s`}/${object.id}`,
    },
    snapshot_event: event.id,
    ...(request?.id
      ? {
          reason: {
            type: 'request' as const,
            request: { id: request.id, idempotency_key: request.idempotency_key },
          },
        }
      : {}),
  };
}

/** The bytes sent to an endpoint; Stripe sends pretty-printed JSON and signs these exact bytes. */
export function payloadFor(
  endpoint: { payloadStyle: PayloadStyle; apiVersion: string },
  event: Stripe.Event,
): string {
  if (endpoint.payloadStyle === 'thin') return JSON.stringify(thinEvent(event), null, 2);
  // Only the envelope's version changes: the emulator renders objects in one shape.
  const rendered =
    event.api_version === endpoint.apiVersion
      ? event
      : { ...event, api_version: endpoint.apiVersion };
  return JSON.stringify(rendered, null, 2);
}
