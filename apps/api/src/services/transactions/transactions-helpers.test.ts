import { describe, expect, it } from 'vitest';
import { classifySearch } from './transaction-filters.js';
import { stripeDashboardUrl } from './transaction-view.js';

describe('what an admin types in the transactions search', () => {
  it.each([
    ['pi_3Nabc123', { kind: 'stripe_id', column: 'payment_intent_id', value: 'pi_3Nabc123' }],
    ['cs_test_a1B2', { kind: 'stripe_id', column: 'checkout_session_id', value: 'cs_test_a1B2' }],
    ['ch_3Nabc', { kind: 'stripe_id', column: 'charge_id', value: 'ch_3Nabc' }],
    ['re_3Nabc', { kind: 'refund_id', value: 're_3Nabc' }],
    [' cp-7k2m9qxd ', { kind: 'reference', value: 'CP-7K2M9QXD' }],
    ['Ada Lovelace', { kind: 'text', value: 'Ada Lovelace' }],
    ['Ada@Example.com', { kind: 'email', value: 'Ada@Example.com' }],
    ['ada@', { kind: 'text', value: 'ada@' }],
    ['pi', { kind: 'text', value: 'pi' }],
  ])('%s', (text, expected) => {
    expect(classifySearch(text)).toEqual(expected);
  });
});

describe("Stripe's Dashboard links", () => {
  it('points test payments under /test/ and live ones at the root; others have none', () => {
    expect(stripeDashboardUrl({ gateway: 'stripe', mode: 'test', payment_intent_id: 'pi_1' })).toBe(
      'https://dashboard.stripe.com/test/payments/pi_1',
    );
    expect(stripeDashboardUrl({ gateway: 'stripe', mode: 'live', payment_intent_id: 'pi_2' })).toBe(
      'https://dashboard.stripe.com/payments/pi_2',
    );
    expect(
      stripeDashboardUrl({ gateway: 'stripe', mode: 'test', payment_intent_id: null }),
    ).toBeNull();
    expect(
      stripeDashboardUrl({ gateway: 'pay_at_clinic', mode: null, payment_intent_id: null }),
    ).toBeNull();
  });
});
