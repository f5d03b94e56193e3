import { getCurrency } from './currency';
import { assertSafeMinorUnits, InvalidAmountError, type Money } from './money';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Converts a decimal string a person typed ("12.50", "5000", "1.250") to minor units, exactly:
 * digits are shifted as text, so no float ever touches the amount. More fraction digits than the
 * currency has are refused, never rounded (rounding would charge one figure and show another).
 */
export function toMinorUnits(decimal: string, currency: string): number {
  const info = getCurrency(currency);
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw new InvalidAmountError(`Not a decimal amount: ${JSON.stringify(decimal)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > info.decimalDigits) {
    const places =
      info.decimalDigits === 0 ? 'no decimal places' : `${info.decimalDigits} decimal places`;
    throw new InvalidAmountError(`${info.code.toUpperCase()} amounts have ${places}: ${decimal}`);
  }
  const digits = whole + fraction.padEnd(info.exponent, '0');
  const amount = Number(sign + digits);
  assertSafeMinorUnits(amount);
  return amount === 0 ? 0 : amount; // no -0
}

/**
 * The exact decimal string of an amount ("12.50", "5000", "1.250"). ISK shows whole krónur, its
 * two API decimals dropped, unless they are not 00 (then they are kept: never lose money silently).
 */
export function toDecimalString({ amount, currency }: Money): string {
  assertSafeMinorUnits(amount);
  const info = getCurrency(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(info.exponent + 1, '0');
  const whole = digits.slice(0, digits.length - info.exponent);
  let fraction = digits.slice(digits.length - info.exponent);
  const hidden = fraction.slice(info.decimalDigits);
  if (/^0*$/.test(hidden)) fraction = fraction.slice(0, info.decimalDigits);
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
