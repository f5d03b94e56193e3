import type Stripe from 'stripe';
import { buildEvent, type EventOf, type EventType, type ObjectOf } from '../objects/event';
import { nowSeconds } from './defaults';

export interface StripeEventOptions {
  id?: string;
  created?: number;
  livemode?: boolean;
  previousAttributes?: Record<string, unknown>;
  request?: Stripe.Event.Request;
}

/** `object` in the envelope Stripe sends it in: a test-mode event, made now, for one endpoint. */
export function stripeEvent<T extends EventType>(
  type: T,
  object: ObjectOf<T>,
  options: StripeEventOptions = {},
): EventOf<T> {
  return buildEvent({
    type,
    object,
    id: options.id,
    created: options.created ?? nowSeconds(),
    livemode: options.livemode ?? false,
    previousAttributes: options.previousAttributes,
    request: options.request,
    pendingWebhooks: 1,
  });
}
