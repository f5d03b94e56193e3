import { describe, expect, it } from 'vitest';
import {
  getCurrency,
  isSupportedCurrency,
  maximumChargeFor,
  minimumChargeFor,
  supportedCurrencyCodes,
  UnsupportedCurrencyError,
} from './currency';

const ZERO_DECIMAL = 'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' ');
const THREE_DECIMAL = 'BHD JOD KWD OMR TND'.split(' ');

describe('currency table', () => {
  it.each(ZERO_DECIMAL)('%s is zero-decimal', (code) => {
    expect(getCurrency(code)).toMatchObject({ exponent: 0, decimalDigits: 0, step: 1 });
  });

  it.each(THREE_DECIMAL)('%s is three-decimal and must end in 0', (code) => {
    expect(getCurrency(code)).toMatchObject({ exponent: 3, decimalDigits: 3, step: 10 });
  });

  it('keeps two API decimals for ISK but only whole krónur', () => {
    expect(getCurrency('isk')).toMatchObject({ exponent: 2, decimalDigits: 0, step: 100 });
  });

  it('treats HUF and TWD as two-decimal for charges (their quirk is payouts only)', () => {
    expect(getCurrency('huf')).toMatchObject({ exponent: 2, decimalDigits: 2, step: 1 });
    expect(getCurrency('twd')).toMatchObject({ exponent: 2, decimalDigits: 2, step: 1 });
  });

  it('holds the common currencies, two-decimal by default', () => {
    for (const code of ['usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'sek', 'inr', 'brl', 'mxn']) {
      expect(getCurrency(code).exponent).toBe(2);
    }
    expect(supportedCurrencyCodes()).toHaveLength(139); // 134 presentment currencies + 5 three-decimal ones;
  });

  it('looks codes up in any case and refuses unknown ones', () => {
    expect(getCurrency(' USD ').code).toBe('usd');
    expect(isSupportedCurrency('Eur')).toBe(true);
    expect(isSupportedCurrency('xxx')).toBe(false);
    expect(isSupportedCurrency('')).toBe(false);
    expect(() => getCurrency('abc')).toThrow(UnsupportedCurrencyError);
  });
});

describe('minimum and maximum charge', () => {
  it.each([
    ['usd', 50],
    ['gbp', 30],
    ['eur', 50],
    ['jpy', 50],
    ['hkd', 400],
    ['huf', 17500],
    ['czk', 1500],
    ['mxn', 1000],
    ['thb', 1000],
    ['aed', 200],
  ])("uses Stripe's published minimum for %s: %i", (code, minimum) => {
    expect(minimumChargeFor(code)).toBe(minimum);
    expect(getCurrency(code).minimumCharge).toBe(minimum);
  });

  it('falls back to the smallest representable amount where Stripe publishes no minimum', () => {
    expect(getCurrency('php').minimumCharge).toBeNull();
    expect(minimumChargeFor('php')).toBe(1);
    expect(minimumChargeFor('kwd')).toBe(10);
    expect(minimumChargeFor('isk')).toBe(100);
  });

  it('applies the digit limits: 12 for IDR, 9 for INR, 8 for the rest', () => {
    expect(maximumChargeFor('idr')).toBe(999_999_999_999);
    expect(maximumChargeFor('inr')).toBe(999_999_999);
    expect(maximumChargeFor('usd')).toBe(99_999_999);
    expect(maximumChargeFor('jpy')).toBe(99_999_999);
  });
});
