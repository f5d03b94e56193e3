import { countPayments, type Database, type Kysely } from '@clinicpay/db';
import type { FieldError } from '../../errors/app-error.js';

/** Why the currency cannot change any more: payments were recorded in it. */
export function currencyLockedSentence(currency: string, payments: number): string {
  const recorded = payments === 1 ? 'a payment is' : `${payments} payments are`;
  return `The currency stays ${currency}: ${recorded} recorded in it, and amounts in one currency cannot be read as another.`;
}

/**
 * The clinic has one currency (its profile and Stripe's settings show the same value), fixed once
 * a payment was recorded in it. Either page asking for another gets this problem on its field.
 */
export async function currencyLockProblems(
  db: Kysely<Database>,
  current: string,
  wanted: string,
): Promise<FieldError[]> {
  if (wanted.toUpperCase() === current.toUpperCase()) return [];
  const payments = await countPayments(db);
  if (payments === 0) return [];
  return [{ path: 'currency', message: currencyLockedSentence(current, payments) }];
}
