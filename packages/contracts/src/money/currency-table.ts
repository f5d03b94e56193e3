/**
 * The currencies Stripe charges in, with what the API expects of their amounts.
 *
 * Source: Stripe, "Supported currencies" (https://docs.stripe.com/currencies), read 2026 via the
 * docs copy of the page: sections "Supported presentment currencies", "Zero-decimal currencies",
 * "Three-decimal currencies", "Special cases" and "Minimum and maximum charge amounts".
 * Nothing here is from memory; where the page is silent the field says so (null).
 *
 * This is the one table that knows exponents. Everything else converts through `./minor-units`.
 */

/** What Stripe's API expects of amounts in one currency. */
export interface CurrencyInfo {
  /** ISO 4217 code, lowercase as Stripe sends and expects it. */
  readonly code: string;
  /** Power of ten between the major unit and the API's integer amount (JPY 0, USD 2, KWD 3). */
  readonly exponent: 0 | 2 | 3;
  /** Digits after the decimal point a person may enter and sees (ISK: 0 though the API keeps 2). */
  readonly decimalDigits: 0 | 2 | 3;
  /** Every chargeable amount is a multiple of this many minor units (three-decimal: 10; ISK: 100). */
  readonly step: number;
  /**
   * Stripe's published minimum charge in minor units. Stripe publishes minimums per settlement
   * currency only; for other currencies the minimum is the settlement currency's after
   * conversion, which no static table can know, so it is null.
   */
  readonly minimumCharge: number | null;
  /** Largest `amount` the API accepts, in minor units (a digit limit, not a risk limit). */
  readonly maximumCharge: number;
}

// "Supported presentment currencies" (card payments).
// prettier-ignore
const PRESENTMENT = [
  'usd', 'aed', 'afn', 'all', 'amd', 'ang', 'aoa', 'ars', 'aud', 'awg', 'azn', 'bam', 'bbd', 'bdt',
  'bgn', 'bif', 'bmd', 'bnd', 'bob', 'brl', 'bsd', 'bwp', 'byn', 'bzd', 'cad', 'cdf', 'chf', 'clp',
  'cny', 'cop', 'crc', 'cve', 'czk', 'djf', 'dkk', 'dop', 'dzd', 'egp', 'etb', 'eur', 'fjd', 'fkp',
  'gbp', 'gel', 'gip', 'gmd', 'gnf', 'gtq', 'gyd', 'hkd', 'hnl', 'htg', 'huf', 'idr', 'ils', 'inr',
  'isk', 'jmd', 'jpy', 'kes', 'kgs', 'khr', 'kmf', 'krw', 'kyd', 'kzt', 'lak', 'lbp', 'lkr', 'lrd',
  'lsl', 'mad', 'mdl', 'mga', 'mkd', 'mmk', 'mnt', 'mop', 'mur', 'mvr', 'mwk', 'mxn', 'myr', 'mzn',
  'nad', 'ngn', 'nio', 'nok', 'npr', 'nzd', 'pab', 'pen', 'pgk', 'php', 'pkr', 'pln', 'pyg', 'qar',
  'ron', 'rsd', 'rub', 'rwf', 'sar', 'sbd', 'scr', 'sek', 'sgd', 'shp', 'sle', 'sos', 'srd', 'std',
  'szl', 'thb', 'tjs', 'top', 'try', 'ttd', 'twd', 'tzs', 'uah', 'ugx', 'uyu', 'uzs', 'vnd', 'vuv',
  'wst', 'xaf', 'xcd', 'xof', 'xpf', 'yer', 'zar', 'zmw',
] as const;

// "Zero-decimal currencies": the amount is in major units. The page also lists UGX under "Special
// cases" as represented with two decimals; its zero-decimal list is the normative one, so UGX is 0.
// prettier-ignore
const ZERO_DECIMAL = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf',
  'xof', 'xpf',
]);

// "Three-decimal currencies": supported for payments, refunds and disputes, but the last digit of
// the amount must be 0 ("round amounts to the nearest ten").
// prettier-ignore
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'] as const;

// "Minimum and maximum charge amounts", the settlement-currency table, in minor units.
// prettier-ignore
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50,
  gbp: 30, hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50,
  pln: 200, ron: 200, sek: 300, sgd: 50, thb: 1000,
};

// Digit limits: 12 digits for IDR, 9 for INR, 8 for every other currency. The page also allows
// more digits for card payments in LBP, COP, HUF and JPY, but its figures for those disagree with
// their own digit counts, so the general 8-digit limit stands for them (the safe side).
const MAXIMUM_CHARGE: Readonly<Record<string, number>> = {
  idr: 999_999_999_999,
  inr: 999_999_999,
};
const DEFAULT_MAXIMUM_CHARGE = 99_999_999;

// "Special cases": ISK is zero-decimal in practice but the API keeps two decimals that must be 00.
// HUF and TWD are zero-decimal for payouts only; charges take two decimals, so nothing to do here.
const WHOLE_UNITS_IN_TWO_DECIMALS = new Set(['isk']);

function describe(code: string): CurrencyInfo {
  const minimumCharge = MINIMUM_CHARGE[code] ?? null;
  const maximumCharge = MAXIMUM_CHARGE[code] ?? DEFAULT_MAXIMUM_CHARGE;
  if (ZERO_DECIMAL.has(code)) {
    return { code, exponent: 0, decimalDigits: 0, step: 1, minimumCharge, maximumCharge };
  }
  if (WHOLE_UNITS_IN_TWO_DECIMALS.has(code)) {
    return { code, exponent: 2, decimalDigits: 0, step: 100, minimumCharge, maximumCharge };
  }
  return { code, exponent: 2, decimalDigits: 2, step: 1, minimumCharge, maximumCharge };
}

function describeThreeDecimal(code: string): CurrencyInfo {
  return {
    code,
    exponent: 3,
    decimalDigits: 3,
    step: 10,
    minimumCharge: MINIMUM_CHARGE[code] ?? null,
    maximumCharge: MAXIMUM_CHARGE[code] ?? DEFAULT_MAXIMUM_CHARGE,
  };
}

/** Every currency Stripe accepts, keyed by lowercase code. */
export const CURRENCIES: ReadonlyMap<string, CurrencyInfo> = new Map(
  [...PRESENTMENT.map(describe), ...THREE_DECIMAL.map(describeThreeDecimal)].map(
    (info) => [info.code, Object.freeze(info)] as const,
  ),
);
