/**
 * Verifies a webhook request against each mode's signing secret, then maps the event to its
 * effect. Nothing in the body is believed before a signature over it has matched.
 */
import type { StripeMode } from '@clinicpay/contracts';
import Stripe from 'stripe';
import { paymentEffectOf } from './event-mapping';
import type { PaymentEffect } from './payment-effect';
import { WebhookSignatureError } from './webhook-errors';

export type WebhookSecrets = Partial<Record<StripeMode, string | null | undefined>>;

export interface ParseWebhookOptions {
  /** How old (or how far ahead) a signature may be, in seconds. Default 300, as Stripe's. */
  toleranceSeconds?: number;
  /** The injected clock's now. */
  now?: Date;
}

/**
 * A thin event (an event destination's "thin" payload style): ids only, no snapshot of the object.
 * Its effect is known only once the object is fetched from Stripe (`snapshotEventId` names the
 * full event; `relatedObject.url` the object itself).
 */
export interface ThinEventReference {
  snapshotEventId: string | null;
  relatedObject: { id: string; type: string; url: string };
}

export interface ParsedWebhook {
  event: {
    id: string;
    type: string;
    /** Which payments it may touch: only those of its own mode. */
    livemode: boolean;
    created: Date;
    /** The endpoint's API version; shapes differ when it is not the pinned one. */
    apiVersion: string | null;
  };
  /**
   * Whose secret verified it. Normally the event's own mode; a difference means a secret was
   * saved under the wrong mode (worth telling the admin), and the event still applies to its
   * own `livemode` only.
   */
  matchedMode: StripeMode;
  /** Null for a thin event: the caller fetches what it names, then maps it (`paymentEffectOfEvent`). */
  effect: PaymentEffect | null;
  thin: ThinEventReference | null;
}

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * The `t=` of a `Stripe-Signature` header, or null when the header is not one Stripe would send:
 * exactly one timestamp (two would let a replay show one to us and sign with the other) and at
 * least one v1 signature.
 */
function signedAt(header: string): number | null {
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamps = parts.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  const hasV1 = parts.some(([key, value]) => key === 'v1' && !!value);
  const [t] = timestamps;
  return timestamps.length === 1 && t && /^\d+$/.test(t) && hasV1 ? Number(t) : null;
}

function secretsToTry(secrets: WebhookSecrets): [StripeMode, string][] {
  return (['test', 'live'] as const).flatMap((mode): [StripeMode, string][] => {
    const secret = secrets[mode]?.trim();
    return secret ? [[mode, secret]] : [];
  });
}

type Verified = { mode: StripeMode; event: unknown };

/**
 * Every mode whose secret signed this body; stripe-node does the HMAC and constant-time compare.
 * The signature scheme is the same for snapshot and thin events, so the header is verified on its
 * own and the body parsed after.
 */
function verify(
  rawBody: Buffer | string,
  header: string,
  secrets: [StripeMode, string][],
): Verified[] {
  const modes: StripeMode[] = [];
  for (const [mode, secret] of secrets) {
    try {
      // Tolerance 0 turns stripe-node's age check off: it reports a stale and a forged request
      // alike, and ignores timestamps from the future. The age is checked below instead.
      Stripe.webhooks.signature!.verifyHeader(rawBody, header, secret, 0);
      modes.push(mode);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) continue;
      throw new WebhookSignatureError('malformed', 'the signed body is not a Stripe event');
    }
  }
  if (modes.length === 0) return [];
  let event: unknown;
  try {
    // As stripe-node reads it (a TextDecoder drops a leading byte-order mark).
    const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
    event = JSON.parse(text);
  } catch {
    throw new WebhookSignatureError('malformed', 'the signed body is not a Stripe event');
  }
  return modes.map((mode) => ({ mode, event }));
}

interface EventEnvelope {
  id: string;
  type: string;
  livemode: boolean;
  created: number;
  api_version?: string | null;
  data: { object: object };
}

function isEventEnvelope(value: unknown): value is EventEnvelope {
  const event = value as Partial<EventEnvelope> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.livemode === 'boolean' &&
    typeof event.created === 'number' &&
    typeof event.data?.object === 'object' &&
    event.data.object !== null
  );
}

export function parseWebhook(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  secretsByMode: WebhookSecrets,
  options: ParseWebhookOptions = {},
): ParsedWebhook {
  if (!signatureHeader?.trim()) throw new WebhookSignatureError('missing_header');
  const secrets = secretsToTry(secretsByMode);
  if (secrets.length === 0) throw new WebhookSignatureError('no_secret_configured');
  const timestamp = signedAt(signatureHeader);
  if (timestamp === null)
    throw new WebhookSignatureError('malformed', 'no t= and v1= in Stripe-Signature');

  const verified = verify(rawBody, signatureHeader, secrets);
  if (verified.length === 0) throw new WebhookSignatureError('bad_signature');

  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const age = nowSeconds - timestamp;
  if (Math.abs(age) > tolerance) {
    const when = age > 0 ? `${age} s ago` : `${-age} s in the future`;
    throw new WebhookSignatureError('stale_timestamp', `signed ${when}`);
  }

  const [first] = verified as [Verified, ...Verified[]];
  const event = first.event;
  if (isThinEvent(event)) return parsedThinEvent(event, verified);
  if (!isEventEnvelope(event))
    throw new WebhookSignatureError('malformed', 'the body is not a Stripe event');
  // The same secret saved under both modes verifies for both: the event's own mode wins.
  const ownMode: StripeMode = event.livemode ? 'live' : 'test';
  const matchedMode = verified.some((v) => v.mode === ownMode) ? ownMode : first.mode;

  return {
    event: {
      id: event.id,
      type: event.type,
      livemode: event.livemode,
      created: new Date(event.created * 1000),
      apiVersion: event.api_version ?? null,
    },
    matchedMode,
    effect: paymentEffectOfEvent(event as Stripe.Event),
    thin: null,
  };
}

interface ThinEvent {
  object: 'v2.core.event';
  id: string;
  type: string;
  livemode: boolean;
  created: string;
  snapshot_event?: string | null;
  related_object: { id: string; type: string; url: string };
}

function isThinEvent(value: unknown): value is ThinEvent {
  const event = value as Partial<ThinEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    event.object === 'v2.core.event' &&
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.livemode === 'boolean' &&
    typeof event.related_object?.id === 'string' &&
    typeof event.related_object.type === 'string' &&
    typeof event.related_object.url === 'string' &&
    event.related_object.url.startsWith('/v1/')
  );
}

function parsedThinEvent(event: ThinEvent, verified: Verified[]): ParsedWebhook {
  const ownMode: StripeMode = event.livemode ? 'live' : 'test';
  const created = Date.parse(event.created);
  return {
    event: {
      id: event.id,
      // Thin events of API v1 objects are named `v1.<the snapshot event's type>`.
      type: event.type.replace(/^v1\./, ''),
      livemode: event.livemode,
      created: Number.isNaN(created) ? new Date(0) : new Date(created),
      apiVersion: null,
    },
    matchedMode: verified.some((v) => v.mode === ownMode) ? ownMode : verified[0]!.mode,
    effect: null,
    thin: {
      snapshotEventId: typeof event.snapshot_event === 'string' ? event.snapshot_event : null,
      relatedObject: { ...event.related_object },
    },
  };
}

/**
 * A snapshot event's effect. A signed event in a shape the mapping did not expect is acknowledged
 * and logged, not failed: a 5xx would make Stripe retry the same body until it disables the endpoint.
 */
export function paymentEffectOfEvent(event: Stripe.Event): PaymentEffect {
  try {
    return paymentEffectOf(event);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'ignored', reason: 'unexpected_object', detail: `${event.type}: ${detail}` };
  }
}
