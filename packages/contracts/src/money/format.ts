import { toDecimalString } from './minor-units';
import type { Money } from './money';

/**
 * Formats money for people with `Intl.NumberFormat` ("$12.50", "¥5,000", "KWD 1.250"). The
 * number is handed over as an exact decimal string, so large amounts never pass through a float.
 */
export function formatMoney(value: Money, locale?: string): string {
  const decimal = toDecimalString(value);
  const fractionDigits = decimal.split('.')[1]?.length ?? 0;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency.toUpperCase(),
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  return format.format(decimal as Intl.StringNumericLiteral);
}
