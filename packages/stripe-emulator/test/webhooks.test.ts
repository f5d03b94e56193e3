/** Webhook delivery: Stripe's signature, bounded retries, and each injected fault, against a real receiver. */
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_KEYS,
  generateApiKey,
  TEST_CARDS,
  type EmulatorOptions,
  type RunningEmulator,
  type WebhookFaults,
} from '../src/index';
import { sessionParams, startReceiver, startTestEmulator, stripeFor } from './helpers';

const SECRET = DEMO_KEYS.webhookSigningSecret;
const FAST_RETRY = { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 80, timeoutMs: 300 };
const SUCCESS_EVENTS = [
  'payment_intent.created',
  'charge.succeeded',
  'payment_intent.succeeded',
  'checkout.session.completed',
];
const verifier = new Stripe(DEMO_KEYS.secretKey);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function setup(
  faults: WebhookFaults = {},
  options: EmulatorOptions = {},
  respond?: Parameters<typeof startReceiver>[0],
) {
  const receiver = await startReceiver(respond);
  const { emu, stripe } = await startTestEmulator({
    retry: FAST_RETRY,
    webhooks: [{ url: receiver.url, secret: SECRET, faults }],
    ...options,
  });
  cleanups.push(
    () => emu.stop(),
    () => receiver.close(),
  );
  return { emu, stripe, receiver };
}

async function payOnce(emu: RunningEmulator, stripe: Stripe, card: string = TEST_CARDS.success) {
  const session = await stripe.checkout.sessions.create(sessionParams(emu));
  emu.control.paySession(session.id, card);
  await emu.control.waitForDeliveries();
  return session;
}

const ids = (r: Receiver) => r.received.map((x) => x.event.id);

describe('signatures', () => {
  it('signs every delivery so stripe.webhooks.constructEvent accepts it with the secret', async () => {
    const { emu, stripe, receiver } = await setup();
    await payOnce(emu, stripe);
    expect(receiver.types()).toEqual(SUCCESS_EVENTS);
    for (const { body, headers, event } of receiver.received) {
      const header = String(headers['stripe-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const verified = verifier.webhooks.constructEvent(body, header, SECRET);
      expect(verified.id).toBe(event.id);
      expect(headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });

  it('fails verification with a wrong secret or an altered body', async () => {
    const { emu, stripe, receiver } = await setup();
    await payOnce(emu, stripe);
    const [first] = receiver.received;
    if (!first) throw new Error('no delivery');
    const header = String(first.headers['stripe-signature']);
    expect(() => verifier.webhooks.constructEvent(first.body, header, 'whsec_wrong')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() =>
      verifier.webhooks.constructEvent(
        first.body.replace('"livemode": false', '"livemode": true'),
        header,
        SECRET,
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('signs with the emulator clock, so a receiver on the same clock still verifies after it moves', async () => {
    const { emu, stripe, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.advanceClock(40 * 60);
    await emu.control.waitForDeliveries();
    const expired = receiver.received.find((r) => r.event.type === 'checkout.session.expired');
    expect(expired?.event.data.object).toMatchObject({ id: session.id, status: 'expired' });
    const header = String(expired?.headers['stripe-signature']);
    const signedAt = Number(/t=(\d+)/.exec(header)?.[1]);
    // Signed on the emulator clock (40 minutes ahead of real time), give or take a real second.
    expect(emu.clock.now() - signedAt).toBeGreaterThanOrEqual(0);
    expect(emu.clock.now() - signedAt).toBeLessThanOrEqual(2);
    expect(signedAt - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(40 * 60 - 2);
    expect(() =>
      verifier.webhooks.constructEvent(
        expired?.body ?? '',
        header,
        SECRET,
        300,
        undefined,
        emu.clock.now(),
      ),
    ).not.toThrow();
  });
});

describe('endpoints', () => {
  it('sends only the subscribed event types, and only events of the endpoint mode', async () => {
    const live = generateApiKey('sk', 'live');
    const testReceiver = await startReceiver();
    const liveReceiver = await startReceiver();
    const { emu } = await startTestEmulator({
      keys: [DEMO_KEYS.secretKey, live],
      webhooks: [
        { url: testReceiver.url, secret: SECRET, events: ['checkout.session.completed'] },
        { url: liveReceiver.url, secret: 'whsec_live_other', mode: 'live' },
      ],
    });
    cleanups.push(
      () => emu.stop(),
      () => testReceiver.close(),
      () => liveReceiver.close(),
    );
    await payOnce(emu, stripeFor(emu));
    await payOnce(emu, stripeFor(emu, live));
    expect(testReceiver.types()).toEqual(['checkout.session.completed']);
    expect(testReceiver.received[0]?.event.livemode).toBe(false);
    expect(liveReceiver.types()).toEqual(SUCCESS_EVENTS);
    expect(liveReceiver.received.every((r) => r.event.livemode)).toBe(true);
    const [first] = liveReceiver.received;
    expect(
      verifier.webhooks.constructEvent(
        first?.body ?? '',
        String(first?.headers['stripe-signature']),
        'whsec_live_other',
      ).livemode,
    ).toBe(true);
  });
});

describe('retries', () => {
  it('retries a failing receiver until it answers 2xx', async () => {
    const { emu, stripe, receiver } = await setup({}, {}, (_r, i) => (i < 2 ? 500 : 200));
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.expireSession(session.id);
    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual([
      'checkout.session.expired',
      'checkout.session.expired',
      'checkout.session.expired',
    ]);
    const [delivery] = emu.control.deliveries();
    expect(delivery?.status).toBe('succeeded');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    const gaps = receiver.received.slice(1).map((r, i) => r.at - (receiver.received[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]).toBeGreaterThanOrEqual(35);
  });

  it('gives up after maxAttempts', async () => {
    const { emu, stripe, receiver } = await setup({}, {}, () => 503);
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.expireSession(session.id);
    await emu.control.waitForDeliveries();
    expect(receiver.received).toHaveLength(3);
    const [delivery] = emu.control.deliveries();
    expect(delivery).toMatchObject({ status: 'failed', eventType: 'checkout.session.expired' });
    expect(delivery?.attempts).toHaveLength(3);
  });

  it('counts a receiver that does not answer in time as a failure', async () => {
    const { emu, stripe, receiver } = await setup(
      {},
      {},
      () => new Promise((resolve) => setTimeout(() => resolve(200), 600)),
    );
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.expireSession(session.id);
    await emu.control.waitForDeliveries();
    const [delivery] = emu.control.deliveries();
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts.map((a) => a.error)).toEqual([
      'timed out after 300 ms',
      'timed out after 300 ms',
      'timed out after 300 ms',
    ]);
    expect(receiver.received).toHaveLength(3);
  });
});

describe('faults', () => {
  it('duplicate: delivers each event twice with the same id', async () => {
    const { emu, stripe, receiver } = await setup({ duplicateProbability: 1 });
    await payOnce(emu, stripe);
    expect(receiver.types()).toEqual(SUCCESS_EVENTS.flatMap((t) => [t, t]));
    const received = ids(receiver);
    expect(new Set(received).size).toBe(4);
    expect(emu.control.deliveries().map((d) => d.copy)).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
  });

  it('duplicate with p = 0.5 is the same for the same seed', async () => {
    const pattern = async () => {
      const { emu, stripe } = await setup({ duplicateProbability: 0.5 }, { seed: 7 });
      for (let i = 0; i < 3; i++) await payOnce(emu, stripe);
      return emu.control.deliveries().map((d) => `${d.eventType}#${d.copy}`);
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(first.length).toBeGreaterThan(12);
    expect(first.length).toBeLessThan(24);
  });

  it('shuffle: sends a window of events in a seeded random order', async () => {
    const { emu, stripe, receiver } = await setup({ shuffleWindow: 4 }, { seed: 3 });
    await payOnce(emu, stripe);
    const order = receiver.types();
    expect([...order].sort()).toEqual([...SUCCESS_EVENTS].sort());
    expect(order).not.toEqual(SUCCESS_EVENTS);
  });

  it('delay: holds each delivery before its first attempt', async () => {
    const { emu, stripe, receiver } = await setup({ delayMs: 250 });
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const started = Date.now();
    emu.control.expireSession(session.id);
    await emu.control.waitForDeliveries();
    expect((receiver.received[0]?.at ?? 0) - started).toBeGreaterThanOrEqual(245);
  });

  it('failNext: the next N attempts fail with the status before reaching the receiver', async () => {
    const { emu, stripe, receiver } = await setup({ failNext: { count: 2, status: 502 } });
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.expireSession(session.id);
    await emu.control.waitForDeliveries();
    expect(receiver.received).toHaveLength(1);
    const [delivery] = emu.control.deliveries();
    expect(delivery?.attempts.map((a) => [a.status, a.injected])).toEqual([
      [502, true],
      [502, true],
      [200, false],
    ]);
  });

  it("failFirstProbability: a delivery's first attempt fails before reaching the receiver, then the retry lands", async () => {
    const { emu, stripe, receiver } = await setup({ failFirstProbability: 1 });
    await payOnce(emu, stripe);
    expect(receiver.received).toHaveLength(4);
    for (const delivery of emu.control.deliveries()) {
      expect(delivery.attempts.map((a) => [a.status, a.injected])).toEqual([
        [500, true],
        [200, false],
      ]);
    }
  });

  it('keeps the newest deliveryLogCapacity deliveries in the log', async () => {
    const { emu, stripe, receiver } = await setup({}, { deliveryLogCapacity: 3 });
    await payOnce(emu, stripe);
    expect(receiver.received).toHaveLength(4);
    expect(emu.control.deliveries().map((d) => d.eventId)).toEqual(ids(receiver).slice(1));
  });

  it('drop: never delivers the event, and says so in the log', async () => {
    const { emu, stripe, receiver } = await setup({ dropProbability: 1 });
    await payOnce(emu, stripe);
    expect(receiver.received).toHaveLength(0);
    expect(emu.control.deliveries().map((d) => d.status)).toEqual([
      'dropped',
      'dropped',
      'dropped',
      'dropped',
    ]);
  });

  it('faults can be changed at run time, and a dropped event can be resent', async () => {
    const { emu, stripe, receiver } = await setup({ dropProbability: 1 });
    await payOnce(emu, stripe);
    const [endpoint] = emu.control.webhookEndpoints();
    emu.control.setWebhookFaults(endpoint?.id ?? '', {});
    const completed = emu.control.events({ type: 'checkout.session.completed' })[0];
    expect(emu.control.resendEvent(completed?.id ?? '')).toBe(1);
    await emu.control.waitForDeliveries();
    expect(receiver.types()).toEqual(['checkout.session.completed']);
    expect(receiver.received[0]?.event.id).toBe(completed?.id);
  });
});
