import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// Crockford's base32 without look-alikes (no I, L, O, U): easy to read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A booking reference patients can read and type, e.g. `CP-7K2M9QXD` (40 bits of randomness). */
export function newBookingReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `CP-${code}`;
}

/** The secret of the patient's status link; only its hash is stored. */
export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashAccessToken(token) };
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function accessTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashAccessToken(token));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
