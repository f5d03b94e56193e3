import { describe, expect, it } from 'vitest';
import { DEFAULT_CANCELLATION_POLICY, type CancellationPolicy } from './cancellation-policy.js';
import { refundPercent, refundQuote } from './refund-rule.js';

const start = new Date('2026-12-20T10:00:00Z');
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);
const tiered: CancellationPolicy = {
  ...DEFAULT_CANCELLATION_POLICY,
  freeCancelHours: 24,
  refundTiers: [{ hoursBefore: 4, percent: 50 }],
};
const paid = (amount: number, currency = 'USD', alreadyRefunded = 0) => ({
  paid: amount,
  currency,
  alreadyRefunded,
});

describe('refundPercent: tier edges', () => {
  it.each([
    [48, 100],
    [24, 100], // exactly at the free window's end: still free
    [24 - 1 / 3600, 50], // one second later: the 50% tier
    [4, 50], // exactly at the tier's end: the tier still holds
    [4 - 1 / 3600, 0],
    [0.5, 0],
    [0, 0], // at the start
    [-1, 0], // after the start
  ])('%s hours before → %s%%', (h, percent) => {
    expect(refundPercent(tiered, start, hoursBefore(h))).toBe(percent);
  });

  it('reads tiers in any order and picks the nearest earlier edge', () => {
    const policy = {
      freeCancelHours: 48,
      refundTiers: [
        { hoursBefore: 2, percent: 10 },
        { hoursBefore: 24, percent: 75 },
        { hoursBefore: 12, percent: 50 },
      ],
    };
    expect(refundPercent(policy, start, hoursBefore(30))).toBe(75);
    expect(refundPercent(policy, start, hoursBefore(12))).toBe(50);
    expect(refundPercent(policy, start, hoursBefore(11))).toBe(10);
    expect(refundPercent(policy, start, hoursBefore(1))).toBe(0);
  });

  it('a zero-hour free window refunds in full until the start, and nothing from it', () => {
    const policy = { freeCancelHours: 0, refundTiers: [] };
    expect(refundPercent(policy, start, hoursBefore(0.01))).toBe(100);
    expect(refundPercent(policy, start, start)).toBe(0);
  });
});

describe('refundQuote: money', () => {
  it('gives the tier’s percent of what was paid', () => {
    expect(refundQuote(tiered, paid(6000), start, hoursBefore(10))).toEqual({
      percent: 50,
      amount: 3000,
    });
    expect(refundQuote(tiered, paid(6000), start, hoursBefore(30)).amount).toBe(6000);
    expect(refundQuote(tiered, paid(6000), start, hoursBefore(1)).amount).toBe(0);
  });

  it('rounds a fraction of a cent down', () => {
    expect(refundQuote(tiered, paid(6001), start, hoursBefore(10)).amount).toBe(3000);
    expect(refundQuote(tiered, paid(1), start, hoursBefore(10)).amount).toBe(0);
  });

  it('keeps the fee from any refund, never going below zero', () => {
    const withFee = { ...tiered, feeAmount: 500 };
    expect(refundQuote(withFee, paid(6000), start, hoursBefore(30)).amount).toBe(5500);
    expect(refundQuote(withFee, paid(6000), start, hoursBefore(10)).amount).toBe(2500);
    expect(refundQuote(withFee, paid(800), start, hoursBefore(10)).amount).toBe(0);
    expect(refundQuote(withFee, paid(6000), start, hoursBefore(1)).amount).toBe(0);
  });

  it('never refunds more than is left unrefunded', () => {
    expect(refundQuote(tiered, paid(6000, 'USD', 4000), start, hoursBefore(30)).amount).toBe(2000);
    expect(refundQuote(tiered, paid(6000, 'USD', 6000), start, hoursBefore(30)).amount).toBe(0);
    expect(refundQuote(tiered, paid(6000, 'USD', 2000), start, hoursBefore(10)).amount).toBe(3000);
  });

  it('zero-decimal currencies (JPY) round down to a whole yen', () => {
    expect(refundQuote(tiered, paid(1001, 'JPY'), start, hoursBefore(10)).amount).toBe(500);
    expect(
      refundQuote({ ...tiered, feeAmount: 300 }, paid(1001, 'JPY'), start, hoursBefore(10)),
    ).toEqual({ percent: 50, amount: 200 });
  });

  it('three-decimal currencies (KWD) move in steps of 10', () => {
    // 50% of 12.345 KWD is 6.1725: down to 6.170, never 6.172.
    expect(refundQuote(tiered, paid(12345, 'KWD'), start, hoursBefore(10)).amount).toBe(6170);
    expect(refundQuote(tiered, paid(12340, 'KWD'), start, hoursBefore(30)).amount).toBe(12340);
    const withFee = { ...tiered, feeAmount: 1005 };
    expect(refundQuote(withFee, paid(12340, 'KWD'), start, hoursBefore(30)).amount).toBe(11330);
  });

  it('ISK moves in whole krónur (steps of 100 in its two API decimals)', () => {
    // 50% of 1,234 kr. (123400) is 617 kr.; 33% of it is 407.22 kr., down to 407 kr.
    expect(refundQuote(tiered, paid(123400, 'ISK'), start, hoursBefore(10)).amount).toBe(61700);
    const third = { ...tiered, refundTiers: [{ hoursBefore: 4, percent: 33 }] };
    expect(refundQuote(third, paid(123400, 'ISK'), start, hoursBefore(10)).amount).toBe(40700);
  });
});
