/** The control API over HTTP (what another process, such as the API's test suite, would use). */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ControlCallError,
  createControlClient,
  DEMO_KEYS,
  type RunningEmulator,
} from '../src/index';
import { sessionParams, startReceiver, startTestEmulator } from './helpers';

let emu: RunningEmulator;
let stripe: Stripe;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emu.url}/_emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & {
      error?: { message: string; code?: string };
    },
  };
}

beforeAll(async () => {
  receiver = await startReceiver();
  ({ emu, stripe } = await startTestEmulator());
});
afterAll(async () => {
  await emu.stop();
  await receiver.close();
});

describe('control API', () => {
  it('adds a webhook endpoint, pays a session with a card, and lists what happened', async () => {
    const endpoint = await control('POST', '/webhooks', {
      url: receiver.url,
      secret: DEMO_KEYS.webhookSigningSecret,
      events: ['checkout.session.completed'],
    });
    expect(endpoint.status).toBe(200);
    expect(endpoint.json.id).toMatch(/^we_/);

    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const paid = await control('POST', `/checkout/sessions/${session.id}/pay`, {
      card: '4242 4242 4242 4242',
      email: 'a@b.example',
    });
    expect(paid.json.status).toBe('succeeded');
    await control('POST', '/deliveries/wait', { timeout_ms: 5000 });
    expect(receiver.types()).toEqual(['checkout.session.completed']);

    const objects = await control('GET', '/objects?mode=test');
    expect((objects.json.checkoutSessions as { id: string }[]).map((s) => s.id)).toContain(
      session.id,
    );
    const events = await control('GET', '/events?type=checkout.session.completed');
    expect(events.json).toHaveLength(1);
    const deliveries = await control('GET', '/deliveries');
    expect((deliveries.json as unknown as { status: string }[])[0]?.status).toBe('succeeded');
    const requests = await control('GET', '/requests');
    expect(
      (requests.json as unknown as { path: string }[]).some(
        (r) => r.path === '/v1/checkout/sessions',
      ),
    ).toBe(true);
  });

  it('declines with a decline code, refunds and disputes "from the dashboard"', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const declined = await control('POST', `/checkout/sessions/${session.id}/decline`, {
      decline_code: 'insufficient_funds',
    });
    expect(declined.json.status).toBe('declined');
    const paid = await control('POST', `/checkout/sessions/${session.id}/pay`, {});
    const chargeId = (paid.json.charge as { id: string }).id;
    const refund = await control('POST', '/refunds', { charge: chargeId, amount: 1000 });
    expect(refund.json).toMatchObject({ object: 'refund', amount: 1000 });
    expect((await stripe.charges.retrieve(chargeId)).amount_refunded).toBe(1000);
    const dispute = await control('POST', `/charges/${chargeId}/dispute`, {});
    expect(dispute.json.status).toBe('needs_response');
    const closed = await control('POST', `/disputes/${String(dispute.json.id)}/close`, {
      outcome: 'won',
    });
    expect(closed.json.status).toBe('won');
  });

  it('moves the clock, and sessions expire by it', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const before = await control('GET', '/clock');
    const after = await control('POST', '/clock/advance', { seconds: 36 * 60 });
    expect(Number(after.json.now) - Number(before.json.now)).toBe(36 * 60);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    const back = await control('POST', '/clock/set', { now: Number(before.json.now) });
    expect(back.status).toBe(400);
  });

  it('completes a 3D Secure payment', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const pending = await control('POST', `/checkout/sessions/${session.id}/pay`, {
      card: '4000002500003155',
    });
    expect(pending.json.status).toBe('requires_action');
    const pi = (pending.json.paymentIntent as { id: string }).id;
    const done = await control('POST', `/payment_intents/${pi}/authenticate`, {
      outcome: 'succeed',
    });
    expect(done.json.status).toBe('succeeded');
  });

  it('answers bad control calls with 4xx, never a crash', async () => {
    expect((await control('POST', '/checkout/sessions/cs_test_nope/pay', {})).status).toBe(404);
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const badCard = await control('POST', `/checkout/sessions/${session.id}/pay`, { card: '1234' });
    expect(badCard).toMatchObject({ status: 402, json: { error: { code: 'incorrect_number' } } });
    expect((await control('POST', '/webhooks', { url: 'not a url', secret: 'x' })).status).toBe(
      400,
    );
    expect(
      (
        await control('POST', '/webhooks', {
          url: receiver.url,
          secret: 'x',
          faults: { dropProbability: 2 },
        })
      ).status,
    ).toBe(400);
    expect((await control('POST', '/clock/advance', { seconds: 'ten' })).status).toBe(400);
    expect((await control('GET', '/nowhere')).status).toBe(404);
    const broken = await fetch(`${emu.url}/_emulator/reset`, { method: 'POST', body: '{not json' });
    expect(broken.status).toBe(400);
  });

  it('answers matching API requests late, after they took effect, until the rules are removed', async () => {
    const client = createControlClient(emu.url);
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const rules = await client.setApiLatency([
      { method: 'POST', path: '^/v1/checkout/sessions/[^/]+/expire$', delayMs: 400 },
    ]);
    expect(rules).toEqual([
      { method: 'POST', path: '^/v1/checkout/sessions/[^/]+/expire$', delayMs: 400 },
    ]);

    const started = Date.now();
    const expiring = stripe.checkout.sessions.expire(session.id);
    // The change is made at once; only the answer waits.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((emu.control.object(session.id) as Stripe.Checkout.Session).status).toBe('expired');
    expect((await expiring).status).toBe('expired');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);

    // Other requests are not slowed.
    const quick = Date.now();
    await stripe.checkout.sessions.retrieve(session.id);
    expect(Date.now() - quick).toBeLessThan(390);

    expect(await client.setApiLatency([])).toEqual([]);
    const again = await stripe.checkout.sessions.create(sessionParams(emu));
    const onTime = Date.now();
    await stripe.checkout.sessions.expire(again.id);
    expect(Date.now() - onTime).toBeLessThan(390);
  });

  it('slows only a share of matching requests when the rule gives a fraction', async () => {
    const client = createControlClient(emu.url);
    await client.setApiLatency([
      { method: 'GET', path: '^/v1/events$', delayMs: 200, fraction: 0.2 },
    ]);
    let slow = 0;
    for (let i = 0; i < 40; i++) {
      const started = Date.now();
      await stripe.events.list({ limit: 1 });
      if (Date.now() - started >= 190) slow++;
    }
    // Seeded: about a fifth, never none and never all.
    expect(slow).toBeGreaterThan(2);
    expect(slow).toBeLessThan(16);
    expect(
      (await control('POST', '/api-latency', { rules: [{ delayMs: 1, fraction: 2 }] })).status,
    ).toBe(400);
    await client.setApiLatency([]);
  });

  it('refuses a bad latency rule with a sentence and keeps the rules it had', async () => {
    const client = createControlClient(emu.url);
    await client.setApiLatency([{ path: '^/v1/refunds$', delayMs: 5 }]);
    for (const rules of [
      [{ delayMs: -1 }],
      [{ delayMs: 60_001 }],
      [{ delayMs: 1.5 }],
      [{ delayMs: 10, path: '(' }],
      [{ delayMs: 10, method: 'GET /x' }],
    ]) {
      const answer = await control('POST', '/api-latency', { rules });
      expect(answer.status).toBe(400);
      expect(answer.json.error?.message).toMatch(/^Invalid API latency rule: /);
    }
    expect((await control('POST', '/api-latency', { rules: 'slow' })).status).toBe(400);
    expect(await client.apiLatency()).toEqual([{ path: '^/v1/refunds$', delayMs: 5 }]);
    await control('POST', '/reset');
    expect(await client.apiLatency()).toEqual([]);
  });

  it('resets all state', async () => {
    await stripe.checkout.sessions.create(sessionParams(emu));
    expect((await control('POST', '/reset')).json.reset).toBe(true);
    const objects = await control('GET', '/objects');
    expect(objects.json.checkoutSessions).toEqual([]);
    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
  });
});

describe('createControlClient', () => {
  it('drives the control API from another process with types', async () => {
    const client = createControlClient(emu.url);
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const declined = await client.declineSession(session.id, 'expired_card');
    expect(declined.status).toBe('declined');
    expect(declined.paymentIntent.last_payment_error?.decline_code).toBe('expired_card');
    const paid = await client.paySession(session.id);
    if (paid.status !== 'succeeded') throw new Error('payment should succeed');
    expect((await client.refund(paid.paymentIntent.id, { amount: 500 })).amount).toBe(500);
    expect((await client.events({ type: 'refund.created' })).length).toBeGreaterThanOrEqual(1);
    const now = await client.now();
    expect(await client.advanceClock(10)).toBe(now + 10);
    const error = await client.expireSession('cs_test_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlCallError);
    expect(error).toMatchObject({
      status: 404,
      message: "No such checkout.session: 'cs_test_missing'",
    });
  });
});
