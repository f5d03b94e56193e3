/**
 * Creates Stripe events: a snapshot of the object at the moment of the change, stored in the
 * mode's store and handed to the webhook sink, which delivers it to subscribed endpoints.
 */
import type { Mode } from './keys';
import { accountOf } from './ownership';
import { buildEvent, type EventOf, type EventType, type ObjectOf } from './objects/event';
import type { EmulatorState, RequestRef } from './state';

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
  const event = buildEvent({
    type,
    object: structuredClone(object),
    previousAttributes: options.previous && structuredClone(options.previous),
    created: state.clock.now(),
    livemode: mode === 'live',
    request: options.request ?? undefined,
  });
  const account = accountOf(state.store(mode), event);
  event.pending_webhooks = state.sink.countRecipients(event, account);
  state.store(mode).events.set(event.id, event);
  state.sink.publish(event, account);
  return event;
}
