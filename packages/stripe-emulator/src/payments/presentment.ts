/**
 * Adaptive Pricing: the payer sees and pays the amount in their own currency while the merchant
 * keeps its own (`currency`, `amount_total`, `amount`). What the payer saw is reported as
 * `presentment_details` on the session, its payment intent, its charge and refunds.
 *
 * Stripe's rates move and include a conversion fee; the emulator's are fixed, so tests can
 * compute the expected presentment amount. Amounts are rounded with the target currency's
 * exponent and step from `@clinicpay/contracts`.
 */
import { getCurrency, isSupportedCurrency } from '@clinicpay/contracts';

export interface PresentmentDetails {
  presentment_amount: number;
  presentment_currency: string;
}

/** Units of each currency per one US dollar; made up, stable. Others convert one-to-one. */
const PER_USD: Readonly<Record<string, number>> = {
  usd: 1,
  eur: 0.9,
  gbp: 0.8,
  chf: 0.9,
  cad: 1.35,
  aud: 1.5,
  jpy: 150,
  sek: 10.5,
  kwd: 0.31,
};

/** The payer's currency unless a test names one: euros, or dollars for a euro session. */
export function defaultPresentmentCurrency(sessionCurrency: string): string {
  return sessionCurrency.toLowerCase() === 'eur' ? 'usd' : 'eur';
}

/** The emulator's fixed rate from one currency's major unit to another's. */
export function presentmentRate(from: string, to: string): number {
  return (PER_USD[to.toLowerCase()] ?? 1) / (PER_USD[from.toLowerCase()] ?? 1);
}

/** `amount` (minor units of `currency`) as the payer sees it in `presentmentCurrency`. */
export function convertForPresentment(
  amount: number,
  currency: string,
  presentmentCurrency: string,
): PresentmentDetails {
  const target = presentmentCurrency.toLowerCase();
  if (!isSupportedCurrency(target)) {
    throw new RangeError(`presentmentCurrency ${presentmentCurrency} is not a Stripe currency`);
  }
  const from = getCurrency(currency);
  const to = getCurrency(target);
  const major = amount / 10 ** from.exponent;
  const minor = Math.round(major * presentmentRate(from.code, to.code) * 10 ** to.exponent);
  return {
    presentment_amount: Math.round(minor / to.step) * to.step,
    presentment_currency: to.code,
  };
}

/** The share of a presented amount that `part` of `whole` stands for (a partial refund). */
export function presentmentShare(
  details: PresentmentDetails,
  part: number,
  whole: number,
): PresentmentDetails {
  const { step } = getCurrency(details.presentment_currency);
  const share = Math.round((details.presentment_amount * part) / whole / step) * step;
  return { presentment_amount: share, presentment_currency: details.presentment_currency };
}
