// The webhook route keeps the Stripe settings for a second (services/gateways/stripe-settings-cache.ts):
// a save through this API takes effect on the next event; a change written by another replica
// (here: straight to the table) within the second.
import { describe, expect, it } from 'vitest';
import { stripeSecretPurpose } from '../src/security/secret-purposes.js';
import { STRIPE_SETTINGS_TTL_MS } from '../src/services/gateways/stripe-settings-cache.js';
import { trpcMutation } from './support/admin-http.js';
import { KEYS } from './support/admin-stripe.js';
import { useSettingsStack } from './support/settings-stack.js';
import { insertPendingStripePayment } from './support/payment-fixture.js';
import { deliver, newPaymentRef, paymentIntent, stripeEvent } from './support/stripe-events.js';

const [on] = useSettingsStack('https://clinic.example').apis;

const OLD_SECRET = KEYS.test.webhookSigningSecret;
const NEW_SECRET = `whsec_${'N'.repeat(32)}`;

/** A fresh event for a fresh pending payment, so every delivery has something to apply. */
async function newEvent() {
  const fixture = await insertPendingStripePayment(on.api.db);
  return stripeEvent(
    'payment_intent.succeeded',
    paymentIntent(newPaymentRef(fixture.paymentId, fixture.checkoutSessionId), 'succeeded'),
  );
}
const saveSigningSecret = (secret: string) =>
  trpcMutation(
    on.api.url,
    'admin.stripeSettings.save',
    {
      enabled: true,
      mode: 'test',
      currency: 'USD',
      failurePolicy: 'cancel',
      webhookSigningSecret: secret,
    },
    { cookie: on.cookie },
  );

describe('the signing secrets the webhook route uses', () => {
  it('follow a save through the admin at once', async () => {
    expect((await deliver(on.api.url, await newEvent(), { secret: OLD_SECRET })).status).toBe(200); // read and kept
    expect((await saveSigningSecret(NEW_SECRET)).status).toBe(200);
    expect((await deliver(on.api.url, await newEvent(), { secret: NEW_SECRET })).status).toBe(200);
    expect((await deliver(on.api.url, await newEvent(), { secret: OLD_SECRET })).status).toBe(400);
    expect((await saveSigningSecret(OLD_SECRET)).status).toBe(200);
    expect((await deliver(on.api.url, await newEvent(), { secret: OLD_SECRET })).status).toBe(200);
  });

  it("follow another replica's change within a second, and are not read for every event before that", async () => {
    expect((await deliver(on.api.url, await newEvent(), { secret: OLD_SECRET })).status).toBe(200);
    const encrypted = on.api.runtime.secretBox.encrypt(
      NEW_SECRET,
      stripeSecretPurpose('test', 'webhook_secret'),
    );
    const changedAt = performance.now();
    await on.api.db
      .updateTable('gateway_settings')
      .set({ test_webhook_secret_encrypted: encrypted })
      .where('gateway', '=', 'stripe')
      .execute();
    try {
      // Still the copy read a moment ago (only when this runs within the second, which it does
      // unless the machine stalled; then the kept copy has simply expired).
      const early = await deliver(on.api.url, await newEvent(), { secret: OLD_SECRET });
      if (performance.now() - changedAt < STRIPE_SETTINGS_TTL_MS) expect(early.status).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, STRIPE_SETTINGS_TTL_MS + 50));
      expect((await deliver(on.api.url, await newEvent(), { secret: NEW_SECRET })).status).toBe(
        200,
      );
      expect((await deliver(on.api.url, await newEvent(), { secret: OLD_SECRET })).status).toBe(
        400,
      );
    } finally {
      expect((await saveSigningSecret(OLD_SECRET)).status).toBe(200);
    }
  });
});
