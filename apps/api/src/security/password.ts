import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet, argon2id: 19 MiB memory, 2 iterations, 1 lane.
const OWASP_ARGON2ID = {
  algorithm: 2, // Algorithm.Argon2id: the package exports a const enum, unusable under verbatimModuleSyntax
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** One rule for every password an admin chooses (contracts, so the forms say the same). */
export { MIN_ADMIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH } from '@clinicpay/contracts';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OWASP_ARGON2ID);
}

/** False for a wrong password and for a hash that cannot be read: never throws on user input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
