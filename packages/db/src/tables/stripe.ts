import type { Generated } from 'kysely';
import type { GatewayMode } from '../statuses.js';
import type { GeneratedTimestamp, Id, Json, NullableTimestamp, Serial } from './column-types.js';

/** The webhook inbox: stored first, processed once (processed_at set by compare-and-set). */
export interface StripeEventsTable {
  id: Id;
  stripe_event_id: string;
  type: string;
  livemode: boolean;
  /** The API version Stripe rendered it at (the endpoint's); null for events before it was kept. */
  api_version: string | null;
  payload: Json;
  received_at: GeneratedTimestamp;
  processed_at: NullableTimestamp;
  /** e.g. 'applied', 'ignored', 'not_ours', 'failed'. */
  outcome: string | null;
  error: string | null;
  attempts: Generated<number>;
}

/** Capped by a trigger at the newest 1000 rows: counted, never stored as events. */
export interface WebhookSignatureFailuresTable {
  id: Serial;
  /** The mode the (unverified) payload claimed, when it could be read. */
  mode: GatewayMode | null;
  reason: string;
  /** The address it came from; an IPv6 address as its /64. */
  remote_address: string | null;
  received_at: GeneratedTimestamp;
  /** Refusals for this reason from this address within `minute_at`'s minute. */
  count: Generated<number>;
  /** null on rows from before refusals were counted per minute. */
  minute_at: NullableTimestamp;
  last_received_at: NullableTimestamp;
}
