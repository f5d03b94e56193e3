// A Dashboard refund's event names only the payment intent. When it arrives while the payment's
// own success is being applied (the intent id written but not yet committed), it must wait for
// that transaction and then apply, not be parked until the sweeper's next look a minute later.
import { insertStripeEvent, lockParkedIntent, type JsonObject } from '@clinicpay/db';
import { paymentEffectOf } from '@clinicpay/payments';
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyPaymentEffect } from '../src/services/fulfilment/apply-effect.js';
import { replayParkedEvents } from '../src/services/fulfilment/parked-events.js';
import { loadStripeSettings } from '../src/services/gateways/stripe-settings.js';
import { processStoredEvent } from '../src/services/webhooks/stripe-inbox.service.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { insertPendingStripePayment } from './support/payment-fixture.js';
import {
  newPaymentRef,
  paymentIntent,
  refund,
  stripeEvent,
  type PaymentRef,
} from './support/stripe-events.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

/** A Dashboard refund's event, stored as the webhook route stores it before applying it. */
async function storedRefundEvent(ref: PaymentRef, refundId: string, amount: number) {
  const refunded = stripeEvent(
    'refund.updated',
    refund(ref, refundId, amount, 'succeeded'),
  ) as unknown as Stripe.Event;
  await insertStripeEvent(api.db, {
    id: refunded.id,
    type: refunded.type,
    livemode: false,
    payload: refunded as unknown as JsonObject,
    receivedAt: new Date(),
  });
  return refunded;
}

it('an event for an intent being learnt right now waits for it and applies, instead of parking', async () => {
  const fixture = await insertPendingStripePayment(api.db);
  const ref = newPaymentRef(fixture.paymentId, fixture.checkoutSessionId);
  const succeeded = stripeEvent(
    'payment_intent.succeeded',
    paymentIntent(ref, 'succeeded'),
  ) as unknown as Stripe.Event;

  // The success's transaction: applied (the intent id is written), then held open.
  let learnt!: () => void;
  let release!: () => void;
  const intentWritten = new Promise<void>((r) => (learnt = r));
  const commit = new Promise<void>((r) => (release = r));
  const success = api.db.transaction().execute(async (trx) => {
    await applyPaymentEffect(trx, paymentEffectOf(succeeded), {
      livemode: false,
      failurePolicy: 'cancel',
      cause: { source: 'webhook', at: new Date(), stripeEventId: succeeded.id },
    });
    learnt();
    await commit;
  });
  await intentWritten;

  const refunded = await storedRefundEvent(ref, 're_dashboard_race', 1500);
  const processing = processStoredEvent(
    api.runtime,
    refunded.id,
    paymentEffectOf(refunded),
    await loadStripeSettings(api.runtime),
  );
  // Long enough for the refund's first look (which cannot see the uncommitted intent id).
  await new Promise((r) => setTimeout(r, 300));
  release();
  await success;

  const reply = await processing;
  expect(reply.body).toMatchObject({ outcome: 'applied' });
  const stored = await api.db
    .selectFrom('stripe_events')
    .select(['processed_at', 'outcome'])
    .where('stripe_event_id', '=', refunded.id)
    .executeTakeFirstOrThrow();
  expect(stored.processed_at).not.toBeNull();
  const refunds = await api.db
    .selectFrom('refunds')
    .select(['stripe_refund_id', 'amount'])
    .where('payment_id', '=', fixture.paymentId)
    .execute();
  expect(refunds).toEqual([{ stripe_refund_id: 're_dashboard_race', amount: 1500 }]);
});

it('a parked event retried while its payment learns the intent does not deadlock with it', async () => {
  const fixture = await insertPendingStripePayment(api.db);
  const ref = newPaymentRef(fixture.paymentId, fixture.checkoutSessionId);
  // Parked earlier: a Dashboard refund that came before anything named the intent.
  const refunded = await storedRefundEvent(ref, 're_parked_retry', 1000);
  const settings = await loadStripeSettings(api.runtime);
  expect(
    (await processStoredEvent(api.runtime, refunded.id, paymentEffectOf(refunded), settings)).body,
  ).toMatchObject({ outcome: 'unmatched' });

  // The payment learning its intent, paused between taking the intent lock and replaying.
  let locked!: () => void;
  let resume!: () => void;
  const intentLocked = new Promise<void>((r) => (locked = r));
  const goOn = new Promise<void>((r) => (resume = r));
  const learning = api.db.transaction().execute(async (trx) => {
    await lockParkedIntent(trx, ref.paymentIntentId);
    locked();
    await goOn;
    await trx
      .updateTable('payments')
      .set({ payment_intent_id: ref.paymentIntentId })
      .where('id', '=', fixture.paymentId)
      .execute();
    await replayParkedEvents(
      trx,
      ref.paymentIntentId,
      false,
      (effect, cause) =>
        applyPaymentEffect(trx, effect, { livemode: false, failurePolicy: 'cancel', cause }),
      new Date(),
    );
  });
  await intentLocked;
  // Meanwhile the sweeper retries the parked event: it locks the event's row, then waits for the intent.
  const retry = processStoredEvent(api.runtime, refunded.id, paymentEffectOf(refunded), settings);
  await new Promise((r) => setTimeout(r, 300));
  resume();

  await learning; // would fail with "deadlock detected" if the replay waited for the retry's row
  expect((await retry).body).toMatchObject({ outcome: 'applied' });
  const refunds = await api.db
    .selectFrom('refunds')
    .select('stripe_refund_id')
    .where('payment_id', '=', fixture.paymentId)
    .execute();
  expect(refunds).toEqual([{ stripe_refund_id: 're_parked_retry' }]);
});
