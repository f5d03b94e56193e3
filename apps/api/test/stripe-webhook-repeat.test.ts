// A delivery that repeats a stored event's id is only ever a retry of that event: its effect comes
// from the body stored first, and a body that tells another story is refused as a forgery.
import { sql } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { paymentState } from './support/payment-fixture.js';
import { paymentIntent, paymentSucceeded, stripeEvent } from './support/stripe-events.js';
import { storeUnprocessedEvent } from './support/stored-event.js';
import { useWebhookStack } from './support/webhook-stack.js';

const { db, pending, send } = useWebhookStack();

const forgeries = async () =>
  (
    await db()
      .selectFrom('webhook_signature_failures')
      .select(sql<number>`coalesce(sum(count), 0)::int`.as('n'))
      .where('reason', '=', 'forged_repeat')
      .executeTakeFirstOrThrow()
  ).n;

describe('a stored event id delivered again', () => {
  it('refuses a body of another type under a stored, unprocessed id, and confirms nothing', async () => {
    const { paymentId, ref } = await pending();
    const failed = stripeEvent(
      'payment_intent.payment_failed',
      paymentIntent(ref, 'requires_payment_method', 'insufficient_funds'),
    );
    // Stored but not yet processed, as after a crash: the window the forgery aims at.
    await storeUnprocessedEvent(db(), failed, { received_at: new Date() });
    const before = await forgeries();
    const forged = { ...paymentSucceeded(ref), id: failed.id, created: failed.created };
    const reply = await send(forged);
    expect(reply.status).toBe(400);
    expect(reply.body?.error).toContain('different type');
    expect(await paymentState(db(), paymentId)).toMatchObject({ payment: 'pending' });
    expect(await forgeries()).toBe(before + 1);
    const row = await db()
      .selectFrom('stripe_events')
      .select(['type', 'processed_at'])
      .where('stripe_event_id', '=', failed.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ type: 'payment_intent.payment_failed', processed_at: null });
  });

  it('refuses a repeat whose livemode, created time or object id differ', async () => {
    const { paymentId, ref } = await pending();
    const event = paymentSucceeded(ref);
    await storeUnprocessedEvent(db(), event, { received_at: new Date() });
    const other = await pending();
    const variants = [
      { ...event, created: event.created + 60 },
      { ...event, data: { object: paymentIntent(other.ref, 'succeeded') } },
    ];
    for (const variant of variants) expect((await send(variant)).status).toBe(400);
    // Livemode: the stored row is test mode; a live body needs the live secret, which the demo
    // does not have, so the mode check is what stops it (the row's mode, not the body's).
    await db()
      .updateTable('stripe_events')
      .set({ livemode: true })
      .where('stripe_event_id', '=', event.id)
      .execute();
    const reply = await send(event);
    expect(reply.status).toBe(400);
    expect(reply.body?.error).toContain('livemode');
    expect(await paymentState(db(), paymentId)).toMatchObject({ payment: 'pending' });
    expect(await paymentState(db(), other.paymentId)).toMatchObject({ payment: 'pending' });
  });

  it("accepts Stripe's own retry that differs in pending_webhooks and API version", async () => {
    const { paymentId, ref } = await pending();
    const event = paymentSucceeded(ref);
    await storeUnprocessedEvent(db(), event, { received_at: new Date() });
    const retry = {
      ...event,
      pending_webhooks: event.pending_webhooks + 3,
      api_version: '2099-01-01.retry',
    };
    const reply = await send(retry);
    expect([reply.status, reply.body?.outcome]).toEqual([200, 'applied']);
    expect(await paymentState(db(), paymentId)).toMatchObject({
      payment: 'completed',
      appointment: 'confirmed',
    });
  });

  it('applies the stored body, not the new one, when only unchecked fields differ', async () => {
    const { paymentId, ref } = await pending();
    const event = paymentSucceeded(ref);
    await storeUnprocessedEvent(db(), event, { received_at: new Date() });
    const other = await pending();
    // Same intent id, type, mode and time; the metadata now names another payment.
    const intent = paymentIntent(ref, 'succeeded');
    const tampered = {
      ...event,
      data: {
        object: { ...intent, metadata: { ...intent.metadata, payment_id: other.paymentId } },
      },
    };
    const reply = await send(tampered);
    expect(reply.status).toBe(200);
    expect(await paymentState(db(), paymentId)).toMatchObject({ payment: 'completed' });
    expect(await paymentState(db(), other.paymentId)).toMatchObject({ payment: 'pending' });
  });
});
