import { CURRENCIES, type CurrencyInfo } from './currency-table';

export type { CurrencyInfo } from './currency-table';

/** Thrown for a currency code Stripe does not accept. */
export class UnsupportedCurrencyError extends Error {
  readonly code = 'unsupported_currency' as const;
  constructor(readonly currency: string) {
    super(`Unsupported currency: ${JSON.stringify(currency)}`);
    this.name = 'UnsupportedCurrencyError';
  }
}

/** Codes arrive as `USD` from people and `usd` from Stripe; both mean the same currency. */
export function normalizeCurrencyCode(code: string): string {
  return code.trim().toLowerCase();
}

export function isSupportedCurrency(code: string): boolean {
  return CURRENCIES.has(normalizeCurrencyCode(code));
}

/** The table entry for a code, in any case; throws UnsupportedCurrencyError for others. */
export function getCurrency(code: string): CurrencyInfo {
  const info = CURRENCIES.get(normalizeCurrencyCode(code));
  if (!info) throw new UnsupportedCurrencyError(code);
  return info;
}

/** Every supported code, lowercase, in the table's order. */
export function supportedCurrencyCodes(): string[] {
  return [...CURRENCIES.keys()];
}

/**
 * The smallest amount Stripe will charge, in minor units: the published minimum where Stripe
 * publishes one, else the smallest positive amount the API can represent for the currency.
 * (For currencies without a published minimum, Stripe applies the settlement currency's minimum
 * after conversion; see `CurrencyInfo.minimumCharge`.)
 */
export function minimumChargeFor(code: string): number {
  const info = getCurrency(code);
  return info.minimumCharge ?? info.step;
}

/** The largest amount Stripe's API accepts, in minor units. */
export function maximumChargeFor(code: string): number {
  return getCurrency(code).maximumCharge;
}
