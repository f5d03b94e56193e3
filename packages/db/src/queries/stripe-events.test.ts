import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  createTestPglite,
  type TestDatabase,
  type TestPglite,
} from '../testing/index.js';
import { insertStripeEvent } from './stripe-events.js';

const event = (id: string, amount: number) => ({
  id,
  type: 'payment_intent.succeeded',
  livemode: false,
  payload: { id, object: 'event', data: { object: { amount, metadata: { payment_id: 'p1' } } } },
  receivedAt: new Date('2031-01-01T12:00:00Z'),
});

for (const engine of ['PostgreSQL', 'PGlite'] as const) {
  describe(`insertStripeEvent on ${engine}`, () => {
    let t: TestDatabase | TestPglite;
    beforeAll(async () => {
      t = engine === 'PostgreSQL' ? await createTestDatabase() : await createTestPglite();
    });
    afterAll(() => ('drop' in t ? t.drop() : t.close()));

    it('stores a new event once and turns a redelivery into a no-op', async () => {
      expect(await insertStripeEvent(t.db, event('evt_1', 5000))).toBe(true);
      // A redelivery with a different body must not overwrite what was stored first.
      expect(await insertStripeEvent(t.db, event('evt_1', 9999))).toBe(false);
      const rows = await t.db
        .selectFrom('stripe_events')
        .select([
          'stripe_event_id',
          'type',
          'livemode',
          'payload',
          'received_at',
          'processed_at',
          'attempts',
        ])
        .where('stripe_event_id', '=', 'evt_1')
        .execute();
      expect(rows).toEqual([
        {
          stripe_event_id: 'evt_1',
          type: 'payment_intent.succeeded',
          livemode: false,
          payload: event('evt_1', 5000).payload,
          received_at: new Date('2031-01-01T12:00:00Z'),
          processed_at: null,
          attempts: 0,
        },
      ]);
    });

    it('lets only one of many concurrent deliveries of one event in', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () => insertStripeEvent(t.db, event('evt_2', 1))),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    });
  });
}
