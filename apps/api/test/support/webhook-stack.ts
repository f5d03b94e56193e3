// The set-up the webhook route's tests share: a stack whose emulator delivers nothing, so each
// test builds, signs and sends its own events, and pending payments to send them about.
import type { Database, Updateable } from '@clinicpay/db';
import { afterAll, beforeAll } from 'vitest';
import { forgetStripeSettings, startTestStack, type TestStack } from '../../src/testing.js';
import { insertPendingStripePayment } from './payment-fixture.js';
import { deliver, newPaymentRef, type DeliverOptions } from './stripe-events.js';

export function useWebhookStack() {
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack({ webhooks: false });
  });
  afterAll(async () => {
    await started?.stop();
  });

  const stack = () => {
    if (!started) throw new Error('The webhook test stack is used before it started');
    return started;
  };
  const db = () => stack().api.db;
  return {
    stack,
    db,
    /** A held booking with a pending Stripe payment, and the Stripe ids its events will carry. */
    pending: async (options?: Parameters<typeof insertPendingStripePayment>[1]) => {
      const fixture = await insertPendingStripePayment(db(), options);
      return { ...fixture, ref: newPaymentRef(fixture.paymentId, fixture.checkoutSessionId) };
    },
    /** Saves `changes` to the clinic's Stripe settings and drops the API's cached copy. */
    setStripeSettings: async (changes: Updateable<Database['gateway_settings']>) => {
      await db()
        .updateTable('gateway_settings')
        .set(changes)
        .where('gateway', '=', 'stripe')
        .execute();
      forgetStripeSettings(db());
    },
    /** POSTs to the stack's webhook route, signed with the demo secret unless told otherwise. */
    send: (event: object | string, options?: DeliverOptions) =>
      deliver(stack().api.url, event, options),
  };
}
