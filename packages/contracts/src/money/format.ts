import { toDecimalString } from './minor-units';
import type { Money } from './money';

/**
 * Formats money for people with `Intl.NumberFormat` ("$12.50", "¥5,000", "KWD 1.250"). The
 * number is handed over as an exact decimal string, so large amounts never pass through a float.
 */
export function formatMoney(value: Money, locale?: string): string {
  const decimal = toDecimalString(value);
  const fractionDigits = decimal.split('.')[1]?.length ?? 0;
  return formatterFor(locale, value.currency.toUpperCase(), fractionDigits).format(
    decimal as Intl.StringNumericLiteral,
  );
}

/** Building a NumberFormat costs far more than formatting with one (a tenth of a ms each). */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(
  locale: string | undefined,
  currency: string,
  fractionDigits: number,
): Intl.NumberFormat {
  const key = `${locale ?? ''} ${currency} ${fractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, found);
  }
  return found;
}
