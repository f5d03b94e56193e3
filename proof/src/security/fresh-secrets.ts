// Secrets made for this run only, and every form the scan looks for: the value, the value
// without its prefix (a log that strips `sk_live_` still leaks), and base64 of both (a value
// encoded into a header or a blob).
import { randomBytes } from 'node:crypto';
import { generateApiKey } from '@clinicpay/stripe-emulator';

export interface Secret {
  name: string;
  value: string;
  /** Where this secret may legitimately appear (its own Set-Cookie, the request that sent it). */
  allowedIn?: 'set-cookie';
  /** The value as the API may also handle it, without separators (a recovery code without its dash). */
  bare?: string;
}

export interface StripeKeySet {
  secretKey: string;
  publishableKey: string;
  webhookSigningSecret: string;
}

export function freshStripeKeys(): { test: StripeKeySet; live: StripeKeySet } {
  const whsec = () => `whsec_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`;
  return {
    test: {
      secretKey: generateApiKey('sk', 'test'),
      publishableKey: generateApiKey('pk', 'test'),
      webhookSigningSecret: whsec(),
    },
    live: {
      secretKey: generateApiKey('sk', 'live'),
      publishableKey: generateApiKey('pk', 'live'),
      webhookSigningSecret: whsec(),
    },
  };
}

const PREFIX = /^(sk_(test|live)_|rk_(test|live)_|whsec_)/;

/** Each form of a secret to look for, named for the report. */
export function formsOf(secret: Secret): Array<{ form: string; needle: string }> {
  const bare = secret.bare ?? secret.value.replace(PREFIX, '');
  const forms = [
    { form: 'value', needle: secret.value },
    { form: 'base64', needle: Buffer.from(secret.value).toString('base64') },
    { form: 'base64url', needle: Buffer.from(secret.value).toString('base64url') },
  ];
  if (bare !== secret.value) {
    forms.push(
      { form: 'without prefix', needle: bare },
      { form: 'base64 without prefix', needle: Buffer.from(bare).toString('base64') },
    );
  }
  // base64's padding varies with what surrounds the value; the unpadded part is what must not appear.
  return forms.map((f) => ({ ...f, needle: f.needle.replace(/=+$/, '') }));
}
