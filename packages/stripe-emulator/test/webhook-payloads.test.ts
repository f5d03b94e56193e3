/**
 * What an endpoint is sent: snapshot events at the endpoint's API version, or thin events that
 * stripe-node 23.1.0 parses with `parseEventNotification`, signed the same way.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, DEMO_KEYS, type RunningEmulator, type ThinEvent } from '../src/index';
import {
  sessionParams,
  startReceiver,
  startTestEmulator,
  stripeFor,
  type Receiver,
} from './helpers';

const SECRET = DEMO_KEYS.webhookSigningSecret;
let emu: RunningEmulator;
let stripe: Stripe;
let pinned: Receiver;
let older: Receiver;
let thin: Receiver;

beforeAll(async () => {
  [pinned, older, thin] = [await startReceiver(), await startReceiver(), await startReceiver()];
  ({ emu, stripe } = await startTestEmulator({
    webhooks: [
      { url: pinned.url, secret: SECRET },
      { url: older.url, secret: SECRET, apiVersion: '2025-03-31.basil' },
      {
        url: thin.url,
        secret: SECRET,
        payloadStyle: 'thin',
        events: ['v1.checkout.session.completed', 'v1.refund.created'],
      },
    ],
  }));
});
afterAll(async () => {
  await emu.stop();
  for (const r of [pinned, older, thin]) await r.close();
});

async function paidSession() {
  const session = await stripe.checkout.sessions.create(sessionParams(emu), {
    idempotencyKey: `pay-${Math.random()}`,
  });
  const paid = emu.control.paySession(session.id);
  await emu.control.waitForDeliveries();
  return { session, paid };
}

describe('endpoint configuration', () => {
  it('reports the API version and payload style, defaulting to the pinned version and snapshots', () => {
    const [a, b, c] = emu.control.webhookEndpoints();
    expect([a?.apiVersion, a?.payloadStyle]).toEqual([API_VERSION, 'snapshot']);
    expect([b?.apiVersion, b?.payloadStyle]).toEqual(['2025-03-31.basil', 'snapshot']);
    expect([c?.apiVersion, c?.payloadStyle]).toEqual([API_VERSION, 'thin']);
    expect(() =>
      emu.control.addWebhookEndpoint({ url: pinned.url, secret: SECRET, apiVersion: 'latest' }),
    ).toThrow(/apiVersion/);
    expect(() =>
      emu.control.addWebhookEndpoint({
        url: pinned.url,
        secret: SECRET,
        payloadStyle: 'fat' as never,
      }),
    ).toThrow(/payloadStyle/);
  });
});

describe('snapshot events', () => {
  it("carry the endpoint's api_version; the object and GET /v1/events keep the pinned shape", async () => {
    const { session } = await paidSession();
    const at = (r: Receiver) =>
      r.received.find(
        (w) =>
          w.event.type === 'checkout.session.completed' && w.event.data.object.id === session.id,
      );
    const fromPinned = at(pinned);
    const fromOlder = at(older);
    if (!fromPinned || !fromOlder) throw new Error('checkout.session.completed not delivered');
    // Each payload verifies against its own signature.
    const verifier = new Stripe(DEMO_KEYS.secretKey);
    const header = (w: typeof fromOlder) => String(w.headers['stripe-signature']);
    const event = verifier.webhooks.constructEvent(fromOlder.body, header(fromOlder), SECRET);
    expect(event.api_version).toBe('2025-03-31.basil');
    expect(fromPinned.event.api_version).toBe(API_VERSION);
    expect(event.id).toBe(fromPinned.event.id);
    expect(event.data).toEqual(fromPinned.event.data);
    expect((await stripe.events.retrieve(event.id)).api_version).toBe(API_VERSION);
  });
});

describe('thin events', () => {
  it('parse with stripe.parseEventNotification and point at the object and the snapshot event', async () => {
    const { session } = await paidSession();
    const delivered = thin.received.find((w) => w.body.includes(session.id));
    if (!delivered) throw new Error('no thin event delivered');
    const body = JSON.parse(delivered.body) as ThinEvent;
    expect(Object.keys(body).sort()).toEqual(
      ['created', 'id', 'livemode', 'object', 'related_object', 'snapshot_event', 'type'].sort(),
    );
    expect(delivered.body).not.toContain('"data"');

    const client = stripeFor(emu);
    const notification = client.parseEventNotification(
      delivered.body,
      String(delivered.headers['stripe-signature']),
      SECRET,
    );
    expect(notification.object).toBe('v2.core.event');
    expect(notification.type).toBe('v1.checkout.session.completed');
    expect(notification.id).toMatch(/^evt_test_65/);
    expect(notification.livemode).toBe(false);
    expect(Number.isNaN(Date.parse(notification.created))).toBe(false);
    if (notification.type !== 'v1.checkout.session.completed') throw new Error('narrowing');
    expect(notification.related_object).toEqual({
      id: session.id,
      type: 'checkout.session',
      url: `/v1/checkout/sessions/${session.id}`,
    });
    // The related object is fetched from the emulator, as from Stripe.
    const fetched = await notification.fetchRelatedObject();
    expect(fetched.id).toBe(session.id);
    expect(fetched.status).toBe('complete');
    // The snapshot event is still served in full.
    const snapshot = await stripe.events.retrieve(body.snapshot_event);
    expect(snapshot.type).toBe('checkout.session.completed');
    expect((snapshot.data.object as Stripe.Checkout.Session).id).toBe(session.id);

    // A classic webhook parser refuses a thin payload, as stripe-node does with Stripe's.
    expect(() =>
      client.webhooks.constructEvent(
        delivered.body,
        String(delivered.headers['stripe-signature']),
        SECRET,
      ),
    ).toThrow(/thin event notification/);
  });

  it('go only for the subscribed types, and carry the request that caused them', async () => {
    const { paid } = await paidSession();
    const types = thin.received.map((w) => (JSON.parse(w.body) as ThinEvent).type);
    expect(new Set(types)).toEqual(new Set(['v1.checkout.session.completed']));
    const refund = await stripe.refunds.create(
      { payment_intent: paid.paymentIntent.id },
      { idempotencyKey: 'thin-refund' },
    );
    await emu.control.waitForDeliveries();
    const refunded = thin.received
      .map((w) => JSON.parse(w.body) as ThinEvent)
      .find((e) => e.type === 'v1.refund.created');
    expect(refunded?.related_object).toEqual({
      id: refund.id,
      type: 'refund',
      url: `/v1/refunds/${refund.id}`,
    });
    expect(refunded?.reason).toEqual({
      type: 'request',
      request: { id: expect.stringMatching(/^req_/), idempotency_key: 'thin-refund' },
    });
  });
});
