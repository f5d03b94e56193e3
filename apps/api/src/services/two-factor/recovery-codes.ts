import { createHash, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@clinicpay/contracts';

// Letters and digits that cannot be mistaken for each other when read off paper (no 0/o, 1/l/i).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/**
 * Ten single-use codes for when the phone is lost: about 49 random bits each, shown once as
 * `xxxxx-xxxxx`, stored only as hashes. Random enough that a plain SHA-256 is the right hash, as
 * for session tokens (a slow hash guards guessable passwords, not random codes).
 */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** The stored form of a code, however it was typed (case, spaces and the dash do not matter). */
export function hashRecoveryCode(code: string): string {
  const normalized = code.replace(/[\s-]/g, '').toLowerCase();
  return createHash('sha256').update(`recovery:${normalized}`).digest('base64url');
}
