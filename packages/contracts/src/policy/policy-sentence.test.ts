import { describe, expect, it } from 'vitest';
import { CancellationPolicy, DEFAULT_CANCELLATION_POLICY } from './cancellation-policy.js';
import { cancellationSentence, rescheduleSentence } from './policy-sentence.js';

describe('cancellationSentence', () => {
  it('says the tiers in the order a patient meets them', () => {
    const policy = {
      ...DEFAULT_CANCELLATION_POLICY,
      refundTiers: [{ hoursBefore: 4, percent: 50 }],
    };
    expect(cancellationSentence(policy, 'USD')).toBe(
      'Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no refund after.',
    );
  });

  it('names the fee in the clinic’s currency', () => {
    const policy = { ...DEFAULT_CANCELLATION_POLICY, freeCancelHours: 1, feeAmount: 500 };
    expect(cancellationSentence(policy, 'USD')).toBe(
      'Cancel up to 1 hour before for a full refund; no refund after. A cancellation fee of $5.00 is kept from any refund.',
    );
  });

  it('reads a zero-hour window as until the start', () => {
    expect(
      cancellationSentence({ ...DEFAULT_CANCELLATION_POLICY, freeCancelHours: 0 }, 'EUR'),
    ).toBe('Cancel any time before the start for a full refund.');
  });

  it('describes moves', () => {
    expect(rescheduleSentence(DEFAULT_CANCELLATION_POLICY)).toBe(
      'Move your booking up to 2 times, up to 24 hours before.',
    );
    expect(rescheduleSentence({ rescheduleHours: 24, maxReschedules: 0 })).toBe(
      'Bookings cannot be moved online.',
    );
  });
});

describe('CancellationPolicy', () => {
  it('refuses a tier that ends at or before the free window does with a sentence', () => {
    const result = CancellationPolicy.safeParse({
      ...DEFAULT_CANCELLATION_POLICY,
      refundTiers: [{ hoursBefore: 24, percent: 50 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Each refund tier must end before the free cancellation window does.',
    );
  });

  it('refuses a negative fee and fractional hours', () => {
    expect(
      CancellationPolicy.safeParse({ ...DEFAULT_CANCELLATION_POLICY, feeAmount: -1 }).success,
    ).toBe(false);
    expect(
      CancellationPolicy.safeParse({ ...DEFAULT_CANCELLATION_POLICY, freeCancelHours: 1.5 })
        .success,
    ).toBe(false);
  });
});
