import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.js';
import type { RouterOutputs } from '../src/index.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { dataOf, signIn, trpcMutation, trpcQuery } from './support/admin-http.js';
import { insertPendingStripePayment, paymentState } from './support/payment-fixture.js';
import { deliver, newPaymentRef, paymentIntent, stripeEvent } from './support/stripe-events.js';
import { storeUnprocessedEvent } from './support/stored-event.js';

type Page = RouterOutputs['admin']['webhookEvents']['list'];
type Replayed = RouterOutputs['admin']['webhookEvents']['replay'];

const clock = createManualClock(new Date());
let api: TestApi;
let cookie: string;
beforeAll(async () => {
  api = await startTestApi({ clock });
  cookie = await signIn(api.url);
});
afterAll(async () => {
  await api?.stop();
});

const list = async (input: object) =>
  dataOf<Page>(await trpcQuery(api.url, 'admin.webhookEvents.list', input, { cookie }));
const replay = (eventId: string) =>
  trpcMutation(api.url, 'admin.webhookEvents.replay', { eventId }, { cookie });

describe('the webhook log', () => {
  it('lists events newest first with type, mode, times, outcome and error, filtered and paged', async () => {
    const fixture = await insertPendingStripePayment(api.db);
    const paid = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(newPaymentRef(fixture.paymentId, fixture.checkoutSessionId), 'succeeded'),
    );
    expect((await deliver(api.url, paid)).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await deliver(
        api.url,
        stripeEvent('customer.created', { id: `cus_${i}`, object: 'customer' }),
      );
    }

    const all = await list({});
    expect(all.rows.map((r) => r.type)).toEqual([
      'customer.created',
      'customer.created',
      'customer.created',
      'payment_intent.succeeded',
    ]);
    expect(all.rows[3]).toMatchObject({
      id: paid.id,
      mode: 'test',
      state: 'processed',
      outcome: 'applied',
      error: null,
      attempts: 1,
      objectId: paid.data.object.id,
      paymentId: fixture.paymentId,
      processedAt: expect.any(String),
    });
    expect((await list({ type: 'payment_intent.succeeded' })).rows.map((r) => r.id)).toEqual([
      paid.id,
    ]);
    expect((await list({ mode: 'live' })).rows).toEqual([]);
    expect((await list({ state: 'unprocessed' })).rows).toEqual([]);

    const first = await list({ limit: 2 });
    const second = await list({ limit: 2, cursor: first.nextCursor });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect(second.nextCursor).toBeNull();
    expect(
      (
        await trpcQuery(
          api.url,
          'admin.webhookEvents.list',
          { limit: 2, cursor: `${first.nextCursor!}x` },
          { cookie },
        )
      ).status,
    ).toBe(400);
  });

  it('shows one event with its payload', async () => {
    const [latest] = (await list({ limit: 1 })).rows;
    const event = dataOf<RouterOutputs['admin']['webhookEvents']['get']>(
      await trpcQuery(api.url, 'admin.webhookEvents.get', { eventId: latest!.id }, { cookie }),
    );
    expect(event.payload).toMatchObject({ id: latest!.id, type: 'customer.created' });
  });
});

describe('replaying an event', () => {
  it('applies a stored event that failed, once; a second replay changes nothing', async () => {
    const fixture = await insertPendingStripePayment(api.db);
    const event = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(newPaymentRef(fixture.paymentId, fixture.checkoutSessionId), 'succeeded'),
    );
    // As the inbox leaves an event whose effect failed: stored, unprocessed, with the error.
    await storeUnprocessedEvent(api.db, event, {
      error: 'database was unavailable',
      attempts: 1,
    });
    expect((await list({ state: 'failed' })).rows.map((r) => r.id)).toEqual([event.id]);

    const first = dataOf<Replayed>(await replay(event.id));
    expect(first).toMatchObject({
      result: 'processed',
      event: { state: 'processed', outcome: 'applied', error: null, attempts: 2 },
    });
    expect(await paymentState(api.db, fixture.paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
    });
    const events = async () =>
      api.db
        .selectFrom('payment_events')
        .select('to_status')
        .where('payment_id', '=', fixture.paymentId)
        .execute();
    const before = await events();

    const second = dataOf<Replayed>(await replay(event.id));
    expect(second).toMatchObject({
      result: 'already_processed',
      event: { state: 'processed', attempts: 2 },
    });
    expect(await events()).toEqual(before);
    const audited = await api.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'webhook_event.replayed')
      .execute();
    expect(audited.map((a) => a.details)).toEqual([
      { result: 'processed' },
      { result: 'already_processed' },
    ]);
  });

  it('answers an unknown or malformed event id', async () => {
    expect((await replay('evt_missing')).status).toBe(404);
    expect((await replay('not-an-event')).status).toBe(400);
  });
});
