/** Webhook endpoints: where events go, signed with which secret, and for which event types. */
import type { Mode } from '../keys';

/** `snapshot`: the v1 event with its object (the default); `thin`: a `v2.core.event` without data. */
export type PayloadStyle = 'snapshot' | 'thin';

/** Injected misbehaviour, per endpoint, to test a receiver against Stripe's delivery guarantees. */
export interface WebhookFaults {
  /** Each event is delivered twice (two deliveries of the same event id) with this probability. */
  duplicateProbability?: number;
  /** Events are held until this many are queued (or a short wait passes), then sent shuffled. */
  shuffleWindow?: number;
  /** Each delivery waits this long before its first attempt. */
  delayMs?: number;
  /** The next `count` attempts fail with `status` (default 500) before reaching the receiver. */
  failNext?: { count: number; status?: number };
  /** Each delivery's first attempt fails with 500, before reaching the receiver, with this probability. */
  failFirstProbability?: number;
  /** Each event is never delivered to this endpoint with this probability. */
  dropProbability?: number;
}

/** Bounded retries: Stripe retries failed deliveries with exponential backoff. */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** An attempt not answered within this time counts as failed. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
};

export interface WebhookEndpointConfig {
  url: string;
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  /** Stripe endpoints belong to one mode; live events never go to a test endpoint. Default test. */
  mode?: Mode;
  /** The account whose events it gets (`acct_…` from `createAccount`); default the demo keys' account. */
  account?: string;
  /** The `api_version` of snapshot events sent here; default the pinned version. */
  apiVersion?: string;
  /** Snapshot events (default) or thin events, as an event destination can be set to send. */
  payloadStyle?: PayloadStyle;
  /** Event types to send, or `['*']` (the default) for all. Thin endpoints may name them `v1.…`. */
  events?: readonly string[];
  faults?: WebhookFaults;
  retry?: Partial<RetryPolicy>;
  /** Deliveries in flight at once; 1 (the default) keeps arrival order equal to event order. */
  maxInFlight?: number;
}

export interface WebhookEndpointInfo {
  id: string;
  url: string;
  mode: Mode;
  account: string;
  apiVersion: string;
  payloadStyle: PayloadStyle;
  events: readonly string[];
  faults: WebhookFaults;
  retry: RetryPolicy;
}

export interface DeliveryAttempt {
  at: number;
  status: number | null;
  error: string | null;
  /** True when the failure was injected (`failNext`, `failFirstProbability`) and never reached the receiver. */
  injected: boolean;
  durationMs: number;
}

export interface Delivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  /** 2 for the extra copy a `duplicateProbability` fault adds. */
  copy: number;
  status: 'pending' | 'succeeded' | 'failed' | 'dropped';
  attempts: DeliveryAttempt[];
}

export function matchesEvent(events: readonly string[], type: string): boolean {
  return events.includes('*') || events.includes(type) || events.includes(`v1.${type}`);
}
