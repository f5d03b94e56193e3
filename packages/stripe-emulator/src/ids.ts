import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Drawing bytes one id at a time is the slow part of creating objects; a pool amortises it.
let pool = randomBytes(4096);
let offset = 0;

/** Random base62 characters (a slight modulo bias is harmless for ids). */
export function randomAlnum(length: number): string {
  if (offset + length > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(pool[offset++] ?? 0) % 62];
  return out;
}

/** Ids shaped like Stripe's: `pi_3Q…` (24 characters after the prefix) and so on. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomAlnum(length)}`;
}

/** Checkout session ids carry the mode: `cs_test_a1…` / `cs_live_a1…`. */
export function newSessionId(livemode: boolean): string {
  return `cs_${livemode ? 'live' : 'test'}_a1${randomAlnum(56)}`;
}

export function newRequestId(): string {
  return newId('req', 14);
}

/** A string of random decimal digits (card network references are numeric). */
export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(Math.floor(Math.random() * 10));
  return out;
}
