// Every Stripe event is applied exactly once, however it arrives: repeated, out of order,
// concurrently, or around a crash (docs/architecture.md, invariants).
import { sql } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { paymentState } from './support/payment-fixture.js';
import {
  charge,
  checkoutSession,
  dispute,
  paymentIntent,
  paymentSucceeded,
  stripeEvent,
  type PaymentRef,
} from './support/stripe-events.js';
import { useWebhookStack } from './support/webhook-stack.js';
import { storeUnprocessedEvent } from './support/stored-event.js';

const { db, pending, send } = useWebhookStack();

async function timeline(paymentId: string) {
  return db()
    .selectFrom('payment_events')
    .select(['to_status', 'stripe_event_id'])
    .where('payment_id', '=', paymentId)
    .orderBy('id')
    .execute();
}

describe('exactly once', () => {
  it('applies an event delivered 3 times once; the repeats are acknowledged', async () => {
    const { paymentId, ref } = await pending();
    const event = paymentSucceeded(ref);
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await send(event));
    expect(replies.map((r) => [r.status, r.body?.outcome])).toEqual([
      [200, 'applied'],
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
    expect((await timeline(paymentId)).filter((e) => e.stripe_event_id === event.id)).toHaveLength(
      1,
    );
  });

  it('applies one of 50 concurrent deliveries of the same event', async () => {
    const { paymentId, ref } = await pending();
    const event = stripeEvent('charge.refunded', charge(ref, 2500));
    await send(paymentSucceeded(ref));
    const replies = await Promise.all(Array.from({ length: 50 }, () => send(event)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.filter((r) => r.body?.outcome === 'applied')).toHaveLength(1);
    expect((await timeline(paymentId)).filter((e) => e.stripe_event_id === event.id)).toEqual([
      { to_status: 'partially_refunded', stripe_event_id: event.id },
    ]);
    const stored = await db()
      .selectFrom('stripe_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('stripe_event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(1);
  });

  it('processes on redelivery an event that was stored but never processed (a crash in between)', async () => {
    const { paymentId, ref } = await pending();
    const event = paymentSucceeded(ref);
    // As if the process died right after storing it.
    await storeUnprocessedEvent(db(), event, { received_at: new Date() });
    expect(await paymentState(db(), paymentId)).toMatchObject({ payment: 'pending' });
    const reply = await send(event);
    expect(reply.body?.outcome).toBe('applied');
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
    });
    const row = await db()
      .selectFrom('stripe_events')
      .select(['processed_at', 'outcome'])
      .where('stripe_event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.processed_at).not.toBeNull();
    expect(row.outcome).toBe('applied');
  });

  it('answers 500 (so Stripe retries) when the effect cannot be applied, and applies it on the retry', async () => {
    const { paymentId, ref } = await pending();
    const event = paymentSucceeded(ref);
    // Make the payment's timeline unwritable for a moment: the effect's transaction fails whole.
    await sql`ALTER TABLE payment_events ADD CONSTRAINT block_test CHECK (payment_id <> ${sql.lit(paymentId)}::uuid) NOT VALID`.execute(
      db(),
    );
    try {
      const failed = await send(event);
      expect(failed.status).toBe(500);
      expect(await paymentState(db(), paymentId)).toMatchObject({
        payment: 'pending',
        appointment: 'pending_payment',
      });
      const row = await db()
        .selectFrom('stripe_events')
        .select(['processed_at', 'attempts', 'error'])
        .where('stripe_event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ processed_at: null, attempts: 1 });
      expect(row.error).toBeTruthy();
    } finally {
      await sql`ALTER TABLE payment_events DROP CONSTRAINT block_test`.execute(db());
    }
    expect((await send(event)).body?.outcome).toBe('applied');
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
    });
  });
});

describe('order does not matter', () => {
  // A decline, then a second card that succeeds (seen twice: intent and session), a partial
  // refund from the Dashboard and a dispute: every order gives the same end state.
  const builders = [
    (ref: PaymentRef) =>
      stripeEvent(
        'payment_intent.payment_failed',
        paymentIntent(ref, 'requires_payment_method', 'card_declined'),
      ),
    paymentSucceeded,
    (ref: PaymentRef) =>
      stripeEvent('checkout.session.completed', checkoutSession(ref, 'complete', 'paid')),
    (ref: PaymentRef) => stripeEvent('charge.refunded', charge(ref, 2000)),
    (ref: PaymentRef) =>
      stripeEvent('charge.dispute.created', dispute(ref, `du_${ref.chargeId}`, 'needs_response')),
  ];
  const expected = {
    payment: 'partially_refunded',
    amount_refunded: 2000,
    dispute_status: 'needs_response',
    appointment: 'confirmed',
  };

  it('reaches the same end state for all 120 orders of 5 events', async () => {
    const orders = permutations([0, 1, 2, 3, 4]);
    expect(orders).toHaveLength(120);
    const outcomes = new Map<string, number>();
    for (const order of orders) {
      const { paymentId, ref } = await pending();
      const events = builders.map((build) => build(ref));
      for (const index of order) {
        const reply = await send(events[index]!);
        expect(reply.status).toBe(200);
      }
      const state = await paymentState(db(), paymentId);
      const key = JSON.stringify({ ...state, payment_intent_id: undefined });
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      expect(state, `order ${order.join('')}`).toMatchObject(expected);
    }
    expect(outcomes.size).toBe(1);
    // 720 requests in a row: on a busy two-core machine that takes longer than the default.
  }, 120_000);

  it('reaches the same end state for a seeded sample of orders of 7 events, duplicates included', async () => {
    let seed = 20261126;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let sample = 0; sample < 25; sample++) {
      const { paymentId, ref } = await pending();
      const events = [
        ...builders.map((build) => build(ref)),
        stripeEvent('checkout.session.expired', checkoutSession(ref, 'expired', 'unpaid')),
      ];
      const deliveries = [...events, events[Math.floor(random() * events.length)]!];
      deliveries.sort(() => random() - 0.5);
      for (const event of deliveries) expect((await send(event)).status).toBe(200);
      expect(await paymentState(db(), paymentId)).toMatchObject(expected);
    }
  });
});

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
