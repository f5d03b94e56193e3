import { UnsafeIntegerError } from './errors.js';

/**
 * Parses an int8 (bigint, count(*)) as a JS number, refusing values a number cannot hold exactly.
 * Installed as the int8 parser on both drivers so money never arrives as a string or a BigInt.
 */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new UnsafeIntegerError(value);
  return n;
}

export const INT8_OID = 20;
