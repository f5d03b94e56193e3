import { DEMO_KEYS } from '@clinicpay/demo';
import { recordStripeRefusal } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { useTestStack } from './support/test-stack.js';
import { createTestCaller } from '../src/testing.js';
import { useSignedInAdmin } from './support/admin-http.js';
import { book, freeSlots } from './support/booking.js';

// A key that worked when it was saved stops working: the admin sees Stripe's reason, patients are
// not offered a card payment that cannot work, and saving a working key clears it.
const stack = useTestStack();
const admin = useSignedInAdmin(stack);

const patientCaller = () => createTestCaller(stack.api.runtime);

describe('a saved Stripe key that Stripe stops accepting', () => {
  it('is shown to the admin with Stripe’s reason, and patients are offered Pay at clinic', async () => {
    const [slot] = await freeSlots(stack.api.runtime);
    stack.stripe.control.revokeKey(DEMO_KEYS.secretKey);

    await expect(book(stack.api.runtime, { startsAt: slot!.startsAt })).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Card payment is not available right now, so this time was not booked\./,
      ),
    });

    const settings = await admin().admin.stripeSettings.get();
    expect(settings.refusals.test).toEqual({
      reason: expect.stringContaining('Invalid API Key provided'),
      at: expect.any(String),
    });
    expect(settings.refusals.live).toBeNull();
    const stripeRow = (await admin().admin.gateways.list()).find((g) => g.gateway === 'stripe');
    expect(stripeRow?.refusal).toContain('Invalid API Key provided');

    expect(await patientCaller().catalogue.paymentMethods()).toMatchObject({
      stripe: null,
      payAtClinic: true,
      cardUnavailable: true,
    });
    // The time the refused booking held is free again.
    expect((await freeSlots(stack.api.runtime))[0]?.startsAt).toBe(slot!.startsAt);
  });

  it('is cleared by saving a working key', async () => {
    const account = stack.stripe.control.createAccount();
    await admin().admin.stripeSettings.save({
      enabled: true,
      mode: 'test',
      currency: 'USD',
      failurePolicy: 'cancel',
      publishableKey: account.publishableKey,
      secretKey: account.secretKey,
      webhookSigningSecret: DEMO_KEYS.webhookSigningSecret,
    });
    expect((await admin().admin.stripeSettings.get()).refusals.test).toBeNull();
    const methods = await patientCaller().catalogue.paymentMethods();
    expect(methods).toMatchObject({ cardUnavailable: false });
    expect(methods.stripe?.publishableKey).toBe(account.publishableKey);
  });

  it('is cleared when Stripe accepts the same call with the saved key again', async () => {
    const [slot] = await freeSlots(stack.api.runtime);
    const booking = await book(stack.api.runtime, { startsAt: slot!.startsAt });
    const clinic = await stack.api.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow();
    // As a moment of trouble at Stripe would have left it (a right briefly taken away).
    await recordStripeRefusal(stack.api.db, clinic.id, {
      mode: 'test',
      message: 'The provided key does not have the required permissions',
      call: 'retrieveCheckoutSession',
      at: stack.api.runtime.clock.now(),
    });
    await patientCaller().booking.status({ reference: booking.reference, token: booking.token });
    expect((await admin().admin.stripeSettings.get()).refusals.test).toBeNull();
  });
});
