import { describe, expect, it } from 'vitest';
import { maskedPrefix, maskSecret, redactStripeSecrets, stripeKeyShape } from './key-format';

const BODY = 'a1B2c3D4e5F6g7H8i9J0k1L2';

describe('stripeKeyShape', () => {
  it.each([
    [`sk_test_${BODY}`, 'secret', 'test'],
    [`sk_live_${BODY}`, 'secret', 'live'],
    [`rk_test_${BODY}`, 'restricted', 'test'],
    [`rk_live_${BODY}`, 'restricted', 'live'],
    [`pk_test_${BODY}`, 'publishable', 'test'],
    [`pk_live_${BODY}`, 'publishable', 'live'],
    [`whsec_${BODY}`, 'webhook_signing_secret', null],
  ])('reads %s as a %s key of mode %s', (key, kind, mode) => {
    expect(stripeKeyShape(key)).toMatchObject({ kind, mode, wellFormed: true });
  });

  it('knows nothing that lacks a Stripe prefix', () => {
    expect(stripeKeyShape(`xk_test_${BODY}`)).toBeNull();
    expect(stripeKeyShape(`sk_prod_${BODY}`)).toBeNull();
    expect(stripeKeyShape(BODY)).toBeNull();
  });

  it('flags a truncated key or one with foreign characters as not well formed', () => {
    expect(stripeKeyShape('sk_test_abc')?.wellFormed).toBe(false);
    expect(stripeKeyShape(`sk_test_${BODY} x`)?.wellFormed).toBe(false);
    expect(stripeKeyShape(`pk_live_${BODY}-`)?.wellFormed).toBe(false);
    expect(stripeKeyShape('whsec_short')?.wellFormed).toBe(false);
  });
});

describe('masking', () => {
  it('shows the prefix and the last four characters of a stored secret', () => {
    expect(maskSecret(`sk_test_${BODY}4242`)).toBe('sk_test_…4242');
    expect(maskSecret(`whsec_${BODY}9999`)).toBe('whsec_…9999');
  });

  it('shows no characters of a secret too short to spare four', () => {
    expect(maskSecret('sk_live_abcdefgh')).toBe('sk_live_…');
  });

  it('shows only the prefix in error messages', () => {
    expect(maskedPrefix(`sk_live_${BODY}`)).toBe('sk_live_…');
    expect(maskedPrefix('hunter2')).toBe('…');
  });

  it('redacts every key found in text from elsewhere, including Stripe-masked ones', () => {
    const last4 = BODY.slice(-4);
    const text = `Invalid API Key provided: sk_live_${BODY}; rk_test_${'*'.repeat(20)}abcd; whsec_${BODY}`;
    expect(redactStripeSecrets(text)).toBe(
      `Invalid API Key provided: sk_live_…${last4}; rk_test_…; whsec_…${last4}`,
    );
  });
});
