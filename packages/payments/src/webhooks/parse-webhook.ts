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
  effect: PaymentEffect;
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

/** Every mode whose secret signed this body; stripe-node does the HMAC and constant-time compare. */
function verify(
  rawBody: Buffer | string,
  header: string,
  secrets: [StripeMode, string][],
): Verified[] {
  const verified: Verified[] = [];
  for (const [mode, secret] of secrets) {
    try {
      // Tolerance 0 turns stripe-node's age check off: it reports a stale and a forged request
      // alike, and ignores timestamps from the future. The age is checked below instead.
      verified.push({ mode, event: Stripe.webhooks.constructEvent(rawBody, header, secret, 0) });
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) continue;
      // Anything else comes after the signature matched: the body is not JSON, or not a v1 event.
      throw new WebhookSignatureError('malformed', 'the signed body is not a Stripe event');
    }
  }
  return verified;
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
    effect: effectOrIgnored(event as Stripe.Event),
  };
}

// A signed event in a shape the mapping did not expect is acknowledged and logged, not failed:
// a 5xx would make Stripe retry the same body until it disables the endpoint.
function effectOrIgnored(event: Stripe.Event): PaymentEffect {
  try {
    return paymentEffectOf(event);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'ignored', reason: 'unexpected_object', detail: `${event.type}: ${detail}` };
  }
}
