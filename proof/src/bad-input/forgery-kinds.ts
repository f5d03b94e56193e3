// Every way this part forges or mangles a Stripe webhook request, each with the refusal the API
// must record for it. All start from real, undelivered events of a real pending booking, so a
// verifier that let one through would confirm that booking (and change the database digest).
import { createHmac } from 'node:crypto';
import type { WebhookSignatureReason } from '@clinicpay/payments';
import { computeSignature, signWebhookPayload } from '@clinicpay/stripe-emulator/builders';
import type { Rng } from '../support/seeded-random.js';

/** What the API records in webhook_signature_failures.reason (wrong_mode_secret: stripe-inbox.service.ts). */
export type RefusalReason = WebhookSignatureReason | 'wrong_mode_secret';

export interface ForgeryContext {
  rng: Rng;
  /** Unix seconds when this request is built (just before it is sent). */
  now: number;
  /** A genuine event body exactly as the emulator would have sent it (JSON, 2-space indent). */
  payload: string;
  /** Another genuine event body of the same payment. */
  otherPayload: string;
  /** The seeded clinic's test-mode signing secret. */
  secret: string;
  /** The clinic's API keys, which a careless forger might sign with instead. */
  apiKeys: { secretKey: string; publishableKey: string };
  /** The webhook route's body limit in bytes. */
  bodyLimit: number;
}

export interface ForgedRequest {
  body: Buffer;
  /** Header names in lower case; no content-type means none is sent. */
  headers: Record<string, string>;
  /** Sent as a stream, without Content-Length (chunked). */
  chunked?: boolean;
}

export interface ForgeryVariant {
  name: string;
  /** The refusal recorded for it, or null when it is refused before the route's handler runs. */
  reason: RefusalReason | null;
  build(ctx: ForgeryContext): ForgedRequest;
}

export interface ForgeryKind {
  name: string;
  variants: ForgeryVariant[];
}

const JSON_TYPE = 'application/json; charset=utf-8';
const request = (
  body: string | Buffer,
  signature: string | null,
  contentType: string | null = JSON_TYPE,
): ForgedRequest => ({
  body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  headers: {
    ...(contentType === null ? {} : { 'content-type': contentType }),
    ...(signature === null ? {} : { 'stripe-signature': signature }),
  },
});
/** Signed exactly right for `body` at `t`, with the clinic's secret. */
const signed = (ctx: ForgeryContext, body: string, t = ctx.now) =>
  request(body, signWebhookPayload(body, ctx.secret, t));
const rightV1 = (ctx: ForgeryContext, body = ctx.payload, t = ctx.now) =>
  computeSignature(body, ctx.secret, t);
const withEvent = (payload: string, change: (event: Record<string, unknown>) => void) => {
  const event = JSON.parse(payload) as Record<string, unknown>;
  change(event);
  return JSON.stringify(event, null, 2);
};
const variant = (
  name: string,
  reason: RefusalReason | null,
  build: (ctx: ForgeryContext) => ForgedRequest,
): ForgeryVariant => ({ name, reason, build });

export const FORGERY_KINDS: ForgeryKind[] = [
  {
    name: 'no Stripe-Signature header',
    variants: [
      variant('genuine body, no header', 'missing_header', (ctx) => request(ctx.payload, null)),
      variant('right signature under another header name', 'missing_header', (ctx) => ({
        body: Buffer.from(ctx.payload),
        headers: {
          'content-type': JSON_TYPE,
          'x-stripe-signature': signWebhookPayload(ctx.payload, ctx.secret, ctx.now),
        },
      })),
      variant('empty header', 'missing_header', (ctx) => request(ctx.payload, '')),
    ],
  },
  {
    name: 'malformed header',
    variants: [
      variant('printable garbage', 'malformed', (ctx) =>
        request(ctx.payload, ctx.rng.ascii(ctx.rng.int(1, 200)).replace(/\s+$/, '') || 'x'),
      ),
      variant('v1 without t', 'malformed', (ctx) => request(ctx.payload, `v1=${rightV1(ctx)}`)),
      variant('t without v1', 'malformed', (ctx) => request(ctx.payload, `t=${ctx.now}`)),
      variant('t not a number', 'malformed', (ctx) =>
        request(
          ctx.payload,
          `t=${ctx.rng.pick(['abc', '1e9', '-5', '', `${ctx.now}.5`, '0x10'])},v1=${rightV1(ctx)}`,
        ),
      ),
      variant('v0 scheme only', 'malformed', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v0=${rightV1(ctx)}`),
      ),
      variant('empty v1', 'malformed', (ctx) => request(ctx.payload, `t=${ctx.now},v1=`)),
      variant('semicolons for commas', 'malformed', (ctx) =>
        request(ctx.payload, `t=${ctx.now};v1=${rightV1(ctx)}`),
      ),
      variant('JSON for a header', 'malformed', (ctx) =>
        request(ctx.payload, JSON.stringify({ t: ctx.now, v1: rightV1(ctx) })),
      ),
    ],
  },
  {
    name: 'bad v1 signature',
    variants: [
      variant('random hex', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${ctx.rng.hex(64)}`),
      ),
      variant('right signature, one digit changed', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${flipHexDigit(rightV1(ctx), ctx.rng)}`),
      ),
      variant('right signature in upper case', 'bad_signature', (ctx) => {
        const v1 = rightV1(ctx);
        return request(
          ctx.payload,
          `t=${ctx.now},v1=${v1 === v1.toUpperCase() ? flipHexDigit(v1, ctx.rng) : v1.toUpperCase()}`,
        );
      }),
      variant('right signature cut short', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${rightV1(ctx).slice(0, ctx.rng.int(1, 63))}`),
      ),
      variant('right signature with extra digits', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${rightV1(ctx)}${ctx.rng.hex(2)}`),
      ),
      variant('right signature in base64', 'bad_signature', (ctx) =>
        request(
          ctx.payload,
          `t=${ctx.now},v1=${Buffer.from(rightV1(ctx), 'hex').toString('base64')}`,
        ),
      ),
      variant('signed over the body alone, without t', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${hmacOfBodyOnly(ctx)}`),
      ),
    ],
  },
  {
    name: 'stale timestamp, right signature',
    variants: [
      variant('10 minutes to 30 days old', 'stale_timestamp', (ctx) =>
        signed(ctx, ctx.payload, ctx.now - ctx.rng.int(600, 30 * 86_400)),
      ),
      variant('signed at t=0', 'stale_timestamp', (ctx) => signed(ctx, ctx.payload, 0)),
    ],
  },
  {
    name: 'timestamp far in the future, right signature',
    variants: [
      variant('10 minutes to 10 years ahead', 'stale_timestamp', (ctx) =>
        signed(ctx, ctx.payload, ctx.now + ctx.rng.int(600, 10 * 365 * 86_400)),
      ),
    ],
  },
  {
    name: 'signed with a wrong secret',
    variants: [
      variant('another whsec_ secret', 'bad_signature', (ctx) =>
        request(ctx.payload, signWebhookPayload(ctx.payload, `whsec_${ctx.rng.hex(32)}`, ctx.now)),
      ),
      variant('the secret API key', 'bad_signature', (ctx) =>
        request(ctx.payload, signWebhookPayload(ctx.payload, ctx.apiKeys.secretKey, ctx.now)),
      ),
      variant('the publishable key', 'bad_signature', (ctx) =>
        request(ctx.payload, signWebhookPayload(ctx.payload, ctx.apiKeys.publishableKey, ctx.now)),
      ),
      variant('the secret without whsec_', 'bad_signature', (ctx) =>
        request(
          ctx.payload,
          signWebhookPayload(ctx.payload, ctx.secret.replace(/^whsec_/, ''), ctx.now),
        ),
      ),
      variant('the secret, one character changed', 'bad_signature', (ctx) =>
        request(
          ctx.payload,
          signWebhookPayload(
            ctx.payload,
            `${ctx.secret.slice(0, -1)}${ctx.secret.endsWith('1') ? '2' : '1'}`,
            ctx.now,
          ),
        ),
      ),
      variant('an empty secret', 'bad_signature', (ctx) =>
        request(ctx.payload, signWebhookPayload(ctx.payload, '', ctx.now)),
      ),
    ],
  },
  {
    name: 'live-mode event, test secret',
    variants: [
      // Either mode's secret verifies, but only the event's own mode's may vouch for it.
      variant('livemode true, signed with the test secret', 'wrong_mode_secret', (ctx) =>
        signed(
          ctx,
          withEvent(ctx.payload, (e) => (e.livemode = true)),
        ),
      ),
      variant('livemode true, signed with a made-up live secret', 'bad_signature', (ctx) => {
        const body = withEvent(ctx.payload, (e) => (e.livemode = true));
        return request(body, signWebhookPayload(body, `whsec_live${ctx.rng.hex(24)}`, ctx.now));
      }),
    ],
  },
  {
    name: 'oversized body',
    variants: [
      // Signed right: only the size is wrong, and the route must refuse it before reading it all.
      variant('over the limit, right signature', null, (ctx) =>
        signed(ctx, padTo(ctx.payload, ctx.bodyLimit + ctx.rng.int(1, 256 * 1024))),
      ),
      variant('over the limit, streamed without Content-Length', null, (ctx) => ({
        ...signed(ctx, padTo(ctx.payload, ctx.bodyLimit + ctx.rng.int(1, 256 * 1024))),
        chunked: true,
      })),
      variant('four times the limit, unsigned', null, (ctx) =>
        request(padTo(ctx.payload, ctx.bodyLimit * 4), `t=${ctx.now},v1=${ctx.rng.hex(64)}`),
      ),
    ],
  },
  {
    name: 'not JSON, right signature',
    variants: [
      variant('printable text', 'malformed', (ctx) =>
        signed(ctx, ctx.rng.ascii(ctx.rng.int(1, 500)).replace(/^[\s{["\d-]+/, 'x')),
      ),
      variant('truncated event', 'malformed', (ctx) =>
        signed(ctx, ctx.payload.slice(0, ctx.rng.int(1, ctx.payload.length - 2))),
      ),
      variant('form-encoded', 'malformed', (ctx) =>
        signed(ctx, `type=checkout.session.completed&id=evt_${ctx.rng.hex(12)}&livemode=false`),
      ),
      variant('XML', 'malformed', (ctx) =>
        signed(ctx, `<event><type>checkout.session.completed</type></event>`),
      ),
      variant('JSON with a trailing comma', 'malformed', (ctx) =>
        signed(ctx, ctx.payload.replace(/\n}$/, ',\n}')),
      ),
      variant('NaN for a number', 'malformed', (ctx) =>
        signed(ctx, ctx.payload.replace(/"created": \d+/, '"created": NaN')),
      ),
      variant('invalid UTF-8 bytes', 'malformed', (ctx) => {
        const body = Buffer.from([0xff, 0xfe, 0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0x7d]);
        return request(body, signWebhookPayload(body.toString('utf8'), ctx.secret, ctx.now));
      }),
    ],
  },
  {
    name: 'altered body, signature of the original',
    variants: [
      variant('an amount changed', 'bad_signature', (ctx) =>
        alteredAfterSigning(ctx, (p) =>
          p.replace(
            /("amount(?:_\w+)?": )(\d+)/,
            (_, key: string, n: string) => `${key}${Number(n) + 1}`,
          ),
        ),
      ),
      variant('one byte flipped', 'bad_signature', (ctx) =>
        alteredAfterSigning(ctx, (p) => {
          const at = ctx.rng.int(0, p.length - 1);
          return `${p.slice(0, at)}${String.fromCharCode(p.charCodeAt(at) ^ 1)}${p.slice(at + 1)}`;
        }),
      ),
      variant('livemode flipped', 'bad_signature', (ctx) =>
        alteredAfterSigning(ctx, (p) => p.replace('"livemode": false', '"livemode": true')),
      ),
      variant('event id changed', 'bad_signature', (ctx) =>
        alteredAfterSigning(ctx, (p) =>
          p.replace(/"id": "evt_[^"]+"/, `"id": "evt_${ctx.rng.hex(24)}"`),
        ),
      ),
      variant('a newline appended', 'bad_signature', (ctx) =>
        alteredAfterSigning(ctx, (p) => `${p}\n`),
      ),
      variant('re-serialised without spaces', 'bad_signature', (ctx) =>
        alteredAfterSigning(ctx, (p) => JSON.stringify(JSON.parse(p))),
      ),
      // stripe-node drops a leading BOM before checking the signature, so this one verifies; the
      // API must still refuse the bytes, which are not what was signed (malformed).
      variant('a byte-order mark in front', 'malformed', (ctx) =>
        alteredAfterSigning(ctx, (p) => `\ufeff${p}`),
      ),
    ],
  },
  {
    name: 'empty body',
    variants: [
      variant('right signature over nothing', 'malformed', (ctx) => signed(ctx, '')),
      variant("the genuine event's signature", 'bad_signature', (ctx) =>
        request('', signWebhookPayload(ctx.payload, ctx.secret, ctx.now)),
      ),
      variant('no signature either', 'missing_header', () => request('', null)),
    ],
  },
  {
    name: 'wrong content type, forged signature',
    variants: [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-16',
      null,
    ].map((type) =>
      variant(type ?? 'no content type', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${ctx.rng.hex(64)}`, type),
      ),
    ),
  },
  {
    name: 'many v1 entries, all wrong',
    variants: [
      variant('2 to 60 wrong signatures', 'bad_signature', (ctx) => {
        const wrong = Array.from({ length: ctx.rng.int(2, 60) }, () =>
          ctx.rng.pick([
            () => ctx.rng.hex(64),
            () => computeSignature(ctx.payload, `whsec_${ctx.rng.hex(32)}`, ctx.now),
            () => rightV1(ctx, ctx.otherPayload),
            () => rightV1(ctx, ctx.payload, ctx.now - 1),
          ])(),
        );
        return request(ctx.payload, `t=${ctx.now},${wrong.map((s) => `v1=${s}`).join(',')}`);
      }),
    ],
  },
  {
    name: 'replay of a stale signature with a fresh t',
    variants: [
      variant('old signature under a new t', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now},v1=${rightV1(ctx, ctx.payload, ctx.now - 3600)}`),
      ),
      variant('fresh t added before the old one', 'malformed', (ctx) => {
        const old = ctx.now - 3600;
        return request(ctx.payload, `t=${ctx.now},t=${old},v1=${rightV1(ctx, ctx.payload, old)}`);
      }),
      variant('fresh t added after the old one', 'malformed', (ctx) => {
        const old = ctx.now - 3600;
        return request(ctx.payload, `t=${old},v1=${rightV1(ctx, ctx.payload, old)},t=${ctx.now}`);
      }),
    ],
  },
  {
    name: "another event's signature",
    variants: [
      variant('signature of another event of the payment', 'bad_signature', (ctx) =>
        request(ctx.payload, signWebhookPayload(ctx.otherPayload, ctx.secret, ctx.now)),
      ),
      variant('right signature, t off by one', 'bad_signature', (ctx) =>
        request(ctx.payload, `t=${ctx.now + 1},v1=${rightV1(ctx)}`),
      ),
    ],
  },
  {
    name: 'signed JSON that is not an event',
    variants: [
      ...['{}', '[]', 'null', '42', '"checkout.session.completed"', 'true'].map((body) =>
        variant(body, 'malformed', (ctx) => signed(ctx, body)),
      ),
      variant('event without an id', 'malformed', (ctx) =>
        signed(
          ctx,
          withEvent(ctx.payload, (e) => delete e.id),
        ),
      ),
      variant('event with data.object null', 'malformed', (ctx) =>
        signed(
          ctx,
          withEvent(ctx.payload, (e) => (e.data = { object: null })),
        ),
      ),
      variant('livemode as a string', 'malformed', (ctx) =>
        signed(
          ctx,
          withEvent(ctx.payload, (e) => (e.livemode = 'false')),
        ),
      ),
      variant('created as a string', 'malformed', (ctx) =>
        signed(
          ctx,
          withEvent(ctx.payload, (e) => (e.created = String(e.created))),
        ),
      ),
    ],
  },
];

/** Signs the genuine body right, then sends a changed body under that signature. */
function alteredAfterSigning(
  ctx: ForgeryContext,
  change: (payload: string) => string,
): ForgedRequest {
  const altered = change(ctx.payload);
  if (altered === ctx.payload)
    throw new Error('The alteration changed nothing; the forgery would be a genuine request');
  return request(altered, signWebhookPayload(ctx.payload, ctx.secret, ctx.now));
}

function flipHexDigit(hex: string, rng: Rng): string {
  const at = rng.int(0, hex.length - 1);
  const digit = hex[at]!;
  const other = digit === '0' ? '1' : '0';
  return `${hex.slice(0, at)}${other}${hex.slice(at + 1)}`;
}

/** The HMAC of the body without the `${t}.` prefix Stripe signs: a timestamp not bound to it. */
function hmacOfBodyOnly(ctx: ForgeryContext): string {
  return createHmac('sha256', ctx.secret).update(ctx.payload, 'utf8').digest('hex');
}

/** The event with a metadata field long enough that the body is `size` bytes or more. */
function padTo(payload: string, size: number): string {
  const padding = Math.max(0, size - Buffer.byteLength(payload));
  return withEvent(payload, (e) => (e.proof_padding = 'x'.repeat(padding)));
}
