import { DEFAULT_CANCELLATION_POLICY } from '@clinicpay/contracts';
import { describe, expect, it } from 'vitest';
import { draftOf, parseDraft } from './policy-draft.js';

describe('the Policies form draft', () => {
  it('previews the sentence the patient will see', () => {
    const draft = {
      ...draftOf(DEFAULT_CANCELLATION_POLICY, 'USD'),
      tiers: [{ hoursBefore: '4', percent: '50' }],
    };
    expect(parseDraft(draft, 'USD')).toMatchObject({
      ok: true,
      sentence:
        'Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no refund after.',
    });
  });

  it('reads the fee in the clinic’s currency and round-trips it', () => {
    const draft = { ...draftOf(DEFAULT_CANCELLATION_POLICY, 'KWD'), fee: '1.250' };
    const parsed = parseDraft(draft, 'KWD');
    expect(parsed).toMatchObject({ ok: true, policy: { feeAmount: 1250 } });
    if (parsed.ok) expect(draftOf(parsed.policy, 'KWD').fee).toBe('1.250');
  });

  it('says what is wrong in the contract’s words', () => {
    const draft = {
      ...draftOf(DEFAULT_CANCELLATION_POLICY, 'USD'),
      tiers: [{ hoursBefore: '30', percent: '50' }],
    };
    expect(parseDraft(draft, 'USD')).toEqual({
      ok: false,
      problems: ['Each refund tier must end before the free cancellation window does.'],
    });
    expect(parseDraft({ ...draft, tiers: [], freeCancelHours: '' }, 'USD')).toMatchObject({
      ok: false,
    });
  });
});
