import { DEMO_KEYS } from '@clinicpay/demo';
import { describe, expect, it } from 'vitest';
import { useTestStack } from './support/test-stack.js';
import { useSignedInAdmin } from './support/admin-http.js';

const stack = useTestStack();
const admin = useSignedInAdmin(stack);

describe('admin.stripeSettings.testCheckout', () => {
  it('opens a throwaway Sandbox checkout with the saved keys, naming no payment of ours', async () => {
    const test = await admin().admin.stripeSettings.testCheckout();
    expect(test).toEqual({
      clientSecret: expect.stringMatching(/^cs_test_\w+_secret_\w+$/),
      publishableKey: DEMO_KEYS.publishableKey,
      stripeJsUrl: null,
    });
    const session = stack.stripe.control
      .objects('test')
      .checkoutSessions.find((s) => test.clientSecret.startsWith(`${s.id}_secret_`))!;
    expect(session).toMatchObject({
      metadata: { purpose: 'clinicpay_checkout_test' },
      amount_total: 50,
      ui_mode: 'embedded_page',
      adaptive_pricing: { enabled: false },
    });
    // Paying it books nothing: its events are acknowledged and ignored.
    stack.stripe.control.paySession(session.id);
    await stack.stripe.control.waitForDeliveries();
    const outcomes = await stack.api.db
      .selectFrom('stripe_events')
      .select('outcome')
      .where('type', '=', 'checkout.session.completed')
      .execute();
    expect(outcomes.map((o) => o.outcome)).toEqual(['ignored:not_ours']);
    const bookings = await stack.api.db.selectFrom('appointments').select('id').execute();
    expect(bookings).toEqual([]);
  });

  it('says "not properly configured" with Stripe’s reason when Stripe refuses the saved key', async () => {
    stack.stripe.control.revokeKey(DEMO_KEYS.secretKey);
    await expect(admin().admin.stripeSettings.testCheckout()).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Stripe gateway is not properly configured: Invalid API Key provided/,
      ),
    });
  });
});
