/**
 * Creates Stripe events: a snapshot of the object at the moment of the change, stored in the
 * mode's store and handed to the webhook sink, which delivers it to subscribed endpoints.
 */
import type Stripe from 'stripe';
import { API_VERSION } from './api-version';
import { newId } from './ids';
import type { Mode } from './keys';
import type { EmulatorState, RequestRef } from './state';

export type EventType = Stripe.Event['type'];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
type ObjectOf<T extends EventType> = EventOf<T>['data']['object'];

export interface EmitOptions<T extends EventType> {
  previous?: Partial<ObjectOf<T>> | Record<string, unknown>;
  /** The API request that caused the change; null for dashboard/control actions. */
  request?: RequestRef | null;
}

export function emitEvent<T extends EventType>(
  state: EmulatorState,
  mode: Mode,
  type: T,
  object: ObjectOf<T>,
  options: EmitOptions<T> = {},
): EventOf<T> {
  const data: Stripe.Event.Data = { object: structuredClone(object) };
  if (options.previous) data.previous_attributes = structuredClone(options.previous);
  // One generic construction for every event type: the union cannot be narrowed from T.
  const event = {
    id: newId('evt', 24),
    object: 'event',
    api_version: API_VERSION,
    created: state.clock.now(),
    data,
    livemode: mode === 'live',
    pending_webhooks: 0,
    request: options.request ?? { id: null, idempotency_key: null },
    type,
  } as EventOf<T>;
  event.pending_webhooks = state.sink.countRecipients(event);
  state.store(mode).events.set(event.id, event);
  state.sink.publish(event);
  return event;
}
