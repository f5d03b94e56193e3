export type { CurrencyInfo } from './currency-table';
export {
  getCurrency,
  isSupportedCurrency,
  maximumChargeFor,
  minimumChargeFor,
  normalizeCurrencyCode,
  supportedCurrencyCodes,
  UnsupportedCurrencyError,
} from './currency';
export { formatMoney } from './format';
export { toDecimalString, toMinorUnits } from './minor-units';
export {
  assertSafeMinorUnits,
  chargeProblem,
  InvalidAmountError,
  money,
  type ChargeProblem,
  type Money,
} from './money';
