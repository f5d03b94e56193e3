import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';
import { toDecimalString, toMinorUnits } from './minor-units';
import { chargeProblem, InvalidAmountError, money } from './money';
import { UnsupportedCurrencyError } from './currency';

describe('toMinorUnits', () => {
  it.each([
    ['12.50', 'usd', 1250],
    ['12.5', 'usd', 1250],
    ['12', 'usd', 1200],
    ['0.01', 'eur', 1],
    ['5000', 'jpy', 5000],
    ['1.250', 'kwd', 1250],
    ['1.2', 'bhd', 1200],
    ['5', 'isk', 500],
    ['-3.10', 'usd', -310],
    ['999999.99', 'usd', 99999999],
    ['0.10', 'usd', 10],
  ])('%s %s is %i', (decimal, currency, expected) => {
    expect(toMinorUnits(decimal, currency)).toBe(expected);
  });

  it('refuses more decimals than the currency has, rather than rounding', () => {
    expect(() => toMinorUnits('12.505', 'usd')).toThrow(InvalidAmountError);
    expect(() => toMinorUnits('5000.5', 'jpy')).toThrow('JPY amounts have no decimal places');
    expect(() => toMinorUnits('1.2345', 'kwd')).toThrow(InvalidAmountError);
    expect(() => toMinorUnits('10.50', 'isk')).toThrow(InvalidAmountError);
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', 'abc', '1,000.00', '1e3', '.5', '5.', '$5', '0x10', 'Infinity']) {
      expect(() => toMinorUnits(bad, 'usd')).toThrow(InvalidAmountError);
    }
  });

  it('refuses amounts past the safe integer range', () => {
    expect(() => toMinorUnits('90071992547409.93', 'usd')).toThrow(InvalidAmountError);
  });

  it('refuses unknown currencies', () => {
    expect(() => toMinorUnits('1', 'xyz')).toThrow(UnsupportedCurrencyError);
  });

  it('gives 0, not -0', () => {
    expect(Object.is(toMinorUnits('-0.00', 'usd'), 0)).toBe(true);
  });
});

describe('toDecimalString', () => {
  it.each([
    [1250, 'usd', '12.50'],
    [5, 'usd', '0.05'],
    [-310, 'usd', '-3.10'],
    [5000, 'jpy', '5000'],
    [1250, 'kwd', '1.250'],
    [500, 'isk', '5'],
    [550, 'isk', '5.50'],
    [0, 'eur', '0.00'],
  ])('%i %s is %s', (amount, currency, expected) => {
    expect(toDecimalString({ amount, currency })).toBe(expected);
  });

  it('round-trips with toMinorUnits', () => {
    for (const [amount, currency] of [
      [123456, 'usd'],
      [7, 'jpy'],
      [1230, 'jod'],
    ] as const) {
      expect(toMinorUnits(toDecimalString({ amount, currency }), currency)).toBe(amount);
    }
  });
});

describe('formatMoney', () => {
  it('formats with Intl in the given locale', () => {
    expect(formatMoney({ amount: 1250, currency: 'usd' }, 'en-US')).toBe('$12.50');
    expect(formatMoney({ amount: 5000, currency: 'jpy' }, 'en-US')).toBe('¥5,000');
    expect(formatMoney({ amount: 1250, currency: 'kwd' }, 'en-US')).toBe('KWD\u00a01.250');
    expect(formatMoney({ amount: 123456, currency: 'eur' }, 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney({ amount: 500, currency: 'isk' }, 'en-US')).toBe('ISK\u00a05');
  });

  it('keeps every digit of large amounts', () => {
    expect(formatMoney({ amount: 999_999_999_999, currency: 'idr' }, 'en-US')).toBe(
      'IDR\u00a09,999,999,999.99',
    );
  });
});

describe('money and chargeProblem', () => {
  it('builds Money with a lowercase code and a safe integer', () => {
    expect(money(1250, 'USD')).toEqual({ amount: 1250, currency: 'usd' });
    expect(() => money(12.5, 'usd')).toThrow(InvalidAmountError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'usd')).toThrow(InvalidAmountError);
    expect(() => money(100, 'zzz')).toThrow(UnsupportedCurrencyError);
  });

  it('accepts what Stripe charges', () => {
    expect(chargeProblem({ amount: 50, currency: 'usd' })).toBeNull();
    expect(chargeProblem({ amount: 99_999_999, currency: 'usd' })).toBeNull();
    expect(chargeProblem({ amount: 5120, currency: 'kwd' })).toBeNull();
  });

  it('names what Stripe would refuse', () => {
    expect(chargeProblem({ amount: 49, currency: 'usd' })).toEqual({
      reason: 'below_minimum',
      limit: 50,
    });
    expect(chargeProblem({ amount: 29, currency: 'gbp' })).toEqual({
      reason: 'below_minimum',
      limit: 30,
    });
    expect(chargeProblem({ amount: 100_000_000, currency: 'usd' })).toEqual({
      reason: 'above_maximum',
      limit: 99_999_999,
    });
    expect(chargeProblem({ amount: 5124, currency: 'kwd' })).toEqual({
      reason: 'not_a_multiple_of_step',
      step: 10,
    });
    expect(chargeProblem({ amount: 550, currency: 'isk' })).toEqual({
      reason: 'not_a_multiple_of_step',
      step: 100,
    });
  });
});
