import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signWebhookPayload } from './signer';

const stripe = new Stripe('sk_test_unused');

describe('signWebhookPayload', () => {
  it("matches stripe-node's own test header byte for byte", () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' }, null, 2);
    const secret = 'whsec_test_secret';
    const timestamp = 1_700_000_000;
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    expect(signWebhookPayload(payload, secret, timestamp)).toBe(expected);
  });

  it('verifies with constructEvent at its timestamp and fails with another secret', () => {
    const payload = JSON.stringify({ id: 'evt_2', object: 'event', type: 'charge.succeeded' });
    const now = Math.floor(Date.now() / 1000);
    const header = signWebhookPayload(payload, 'whsec_a', now);
    expect(stripe.webhooks.constructEvent(payload, header, 'whsec_a').id).toBe('evt_2');
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_b')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('signs at the current second unless given a timestamp', () => {
    const before = Math.floor(Date.now() / 1000);
    const header = signWebhookPayload('{}', 'whsec_a');
    const after = Math.floor(Date.now() / 1000);
    const t = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(header)?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(after);
    expect(header).toBe(signWebhookPayload('{}', 'whsec_a', t));
  });
});
