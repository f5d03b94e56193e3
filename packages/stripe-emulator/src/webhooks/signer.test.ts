import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from './signer';

const stripe = new Stripe('sk_test_unused');

describe('signatureHeader', () => {
  it("matches stripe-node's own test header byte for byte", () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' }, null, 2);
    const secret = 'whsec_test_secret';
    const timestamp = 1_700_000_000;
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    expect(signatureHeader(payload, secret, timestamp)).toBe(expected);
  });

  it('verifies with constructEvent at its timestamp and fails with another secret', () => {
    const payload = JSON.stringify({ id: 'evt_2', object: 'event', type: 'charge.succeeded' });
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader(payload, 'whsec_a', now);
    expect(stripe.webhooks.constructEvent(payload, header, 'whsec_a').id).toBe('evt_2');
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_b')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });
});
