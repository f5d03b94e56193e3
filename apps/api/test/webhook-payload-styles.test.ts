import { DEMO_KEYS } from '@clinicpay/demo';
import { STRIPE_API_VERSION } from '@clinicpay/payments';
import { describe, expect, it } from 'vitest';
import { useTestStack } from './support/test-stack.js';
import { useSignedInAdmin } from './support/admin-http.js';
import { book, freeSlots, waitUntil } from './support/booking.js';

// Endpoints added by each test: the payload style and API version are the endpoint's.
const stack = useTestStack({ webhooks: false });
const admin = useSignedInAdmin(stack);

/** A card booking paid through the emulator; resolves once its webhook has confirmed it. */
async function paidThroughWebhook(slotIndex: number) {
  const slot = (await freeSlots(stack.api.runtime))[slotIndex]!;
  const booking = await book(stack.api.runtime, { startsAt: slot.startsAt });
  const session = stack.stripe.control
    .objects('test')
    .checkoutSessions.find((s) => s.metadata?.booking_reference === booking.reference)!;
  stack.stripe.control.paySession(session.id);
  return waitUntil(
    () =>
      stack.api.db
        .selectFrom('appointments')
        .select('status')
        .where('reference', '=', booking.reference)
        .executeTakeFirstOrThrow(),
    (a) => a.status === 'confirmed',
  );
}

const endpoint = (config: { payloadStyle?: 'thin'; apiVersion?: string }) =>
  stack.stripe.control.addWebhookEndpoint({
    url: `${stack.api.url}/webhooks/stripe`,
    secret: DEMO_KEYS.webhookSigningSecret,
    ...config,
  });

describe('webhook endpoints of another payload style or API version', () => {
  it('applies thin events by reading what they name from Stripe', async () => {
    const thin = endpoint({ payloadStyle: 'thin' });
    try {
      expect(await paidThroughWebhook(0)).toEqual({ status: 'confirmed' });
      // Confirmed by whichever event came first; the session's own event may still be applying.
      const stored = await waitUntil(
        () =>
          stack.api.db
            .selectFrom('stripe_events')
            .select(['type', 'outcome', 'api_version'])
            .where('type', '=', 'checkout.session.completed')
            .executeTakeFirst(),
        (row) => row?.outcome != null,
      );
      // Stored as the snapshot Stripe gave for it, at the pinned version.
      expect(stored).toEqual({
        type: 'checkout.session.completed',
        outcome: expect.stringMatching(/^(applied|no_change)$/),
        api_version: STRIPE_API_VERSION,
      });
      const fetched = stack.stripe.control
        .requests()
        .filter((r) => r.method === 'GET' && r.path.startsWith('/v1/events/'));
      expect(fetched.length).toBeGreaterThan(0);
    } finally {
      stack.stripe.control.removeWebhookEndpoint(thin.id);
    }
  });

  it('records each event’s API version, and Webhook health names a version other than the pinned one', async () => {
    const older = endpoint({ apiVersion: '2025-03-31.basil' });
    try {
      await paidThroughWebhook(1);
      await stack.stripe.control.waitForDeliveries();
      const settings = await admin().admin.stripeSettings.get();
      expect(settings.apiVersion).toBe(STRIPE_API_VERSION);
      expect(settings.lastEvent.test?.apiVersion).toBe('2025-03-31.basil');
    } finally {
      stack.stripe.control.removeWebhookEndpoint(older.id);
    }
  });
});
