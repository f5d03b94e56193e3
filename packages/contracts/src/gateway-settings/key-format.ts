/**
 * Recognising Stripe credentials by their prefix, and showing them without revealing them.
 * The prefix is all Stripe promises about a key's shape: it names the kind and the mode.
 */
import type { StripeMode } from './labels';

export type StripeKeyKind = 'secret' | 'restricted' | 'publishable' | 'webhook_signing_secret';

export interface StripeKeyShape {
  readonly kind: StripeKeyKind;
  /** null for a webhook signing secret, which does not say its mode. */
  readonly mode: StripeMode | null;
  /** `sk_live_`, `whsec_`…: the part that is safe to show. */
  readonly prefix: string;
  /** The rest is long enough and only letters and digits (a truncated paste fails this). */
  readonly wellFormed: boolean;
}

const API_KEY = /^(sk|rk|pk)_(test|live)_(.*)$/s;
const WEBHOOK_SECRET = /^whsec_(.*)$/s;
const KINDS = { sk: 'secret', rk: 'restricted', pk: 'publishable' } as const;
// Stripe's shortest keys ever issued had 24 characters after the prefix; 16 leaves room.
const BODY = /^[A-Za-z0-9]{16,}$/;
// Signing secrets from the Dashboard are alphanumeric; the Stripe CLI's are hex; allow base64 too.
const WEBHOOK_BODY = /^[A-Za-z0-9+/=]{16,}$/;

/** What kind of Stripe credential a string looks like, or null when it looks like none. */
export function stripeKeyShape(value: string): StripeKeyShape | null {
  const api = API_KEY.exec(value);
  if (api) {
    const [, kind = '', mode = '', body = ''] = api;
    return {
      kind: KINDS[kind as keyof typeof KINDS],
      mode: mode as StripeMode,
      prefix: `${kind}_${mode}_`,
      wellFormed: BODY.test(body),
    };
  }
  const webhook = WEBHOOK_SECRET.exec(value);
  if (webhook) {
    const [, body = ''] = webhook;
    return {
      kind: 'webhook_signing_secret',
      mode: null,
      prefix: 'whsec_',
      wellFormed: WEBHOOK_BODY.test(body),
    };
  }
  return null;
}

/** The prefix and an ellipsis (`sk_live_…`): what an error message may say about a secret. */
export function maskedPrefix(value: string): string {
  const shape = stripeKeyShape(value);
  return shape ? `${shape.prefix}…` : '…';
}

/**
 * The masked form shown for a stored credential (`sk_test_…4242`). The last four characters are
 * shown only when the rest is long enough that they give nothing useful away.
 */
export function maskSecret(value: string): string {
  const shape = stripeKeyShape(value);
  const prefix = shape?.prefix ?? '';
  const body = value.slice(prefix.length);
  return body.length >= 12 ? `${prefix}…${body.slice(-4)}` : `${prefix}…`;
}

/** Every Stripe-credential-looking token in a text, masked: for text that came from elsewhere. */
export function redactStripeSecrets(text: string): string {
  return text.replace(
    /\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9*]+|\bwhsec_[A-Za-z0-9+/=*]+/g,
    (token) => maskSecret(token.replace(/\*/g, '')),
  );
}
