/** Builds the event envelope Stripe wraps around a snapshot of an object when it changes. */
import type Stripe from 'stripe';
import { API_VERSION } from '../api-version';
import { newId } from '../ids';

export type EventType = Stripe.Event['type'];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
export type ObjectOf<T extends EventType> = EventOf<T>['data']['object'];

export interface EventInput<T extends EventType> {
  type: T;
  object: ObjectOf<T>;
  created: number;
  livemode: boolean;
  previousAttributes?: Partial<ObjectOf<T>> | Record<string, unknown> | undefined;
  /** The API request that caused the change; null ids for dashboard/control actions. */
  request?: Stripe.Event.Request | undefined;
  pendingWebhooks?: number | undefined;
  id?: string | undefined;
}

export function buildEvent<T extends EventType>(input: EventInput<T>): EventOf<T> {
  const data: Stripe.Event.Data = { object: input.object };
  if (input.previousAttributes) data.previous_attributes = input.previousAttributes;
  // One generic construction for every event type: the union cannot be narrowed from T.
  return {
    id: input.id ?? newId('evt', 24),
    object: 'event',
    api_version: API_VERSION,
    created: input.created,
    data,
    livemode: input.livemode,
    pending_webhooks: input.pendingWebhooks ?? 0,
    request: input.request ?? { id: null, idempotency_key: null },
    type: input.type,
  } as EventOf<T>;
}
