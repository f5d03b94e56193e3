/** Deliberate 429s through stripe-node: Stripe's error, no effect, seeded choice, with latency. */
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createControlClient, type RunningEmulator } from '../src/index';
import { raw, rejection, sessionParams, startTestEmulator } from './helpers';

let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await startTestEmulator());
});
afterAll(() => emu.stop());
afterEach(() => emu.control.reset());

const SESSIONS = '^/v1/checkout/sessions$';

describe('rate limits', () => {
  it('are off by default', async () => {
    expect(emu.control.rateLimit()).toEqual({ rule: null, rateLimited: 0 });
    await stripe.checkout.sessions.create(sessionParams(emu));
    expect(emu.control.requests().every((r) => r.status === 200)).toBe(true);
  });

  it("answer 429 with Stripe's rate_limit error, which stripe-node raises as StripeRateLimitError", async () => {
    emu.control.setRateLimit({ fraction: 1, method: 'POST', path: SESSIONS });
    const error = await rejection(stripe.checkout.sessions.create(sessionParams(emu)));
    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(error.statusCode).toBe(429);
    expect(error.rawType).toBe('invalid_request_error');
    expect(error.code).toBe('rate_limit');
    expect(error.message).toMatch(/^Request rate limit exceeded/);
    expect(error.headers?.['stripe-rate-limited-reason']).toBe('global-rate');
    // No Stripe-Should-Retry: stripe-node leaves a 429 to the caller's backoff.
    expect(error.headers?.['stripe-should-retry']).toBeUndefined();
    expect(error.requestId).toMatch(/^req_/);
  });

  it('refuse a request before it has any effect, idempotency key included', async () => {
    emu.control.setRateLimit({ fraction: 1, method: 'POST', path: SESSIONS });
    const params = sessionParams(emu);
    const key = 'rate-limited-create';
    await rejection(stripe.checkout.sessions.create(params, { idempotencyKey: key }));
    expect(emu.control.objects().checkoutSessions).toHaveLength(0);
    expect(emu.control.events()).toHaveLength(0);
    emu.control.setRateLimit(null);
    // The same key then runs, rather than replaying the 429.
    const session = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    expect(emu.control.objects().checkoutSessions.map((s) => s.id)).toEqual([session.id]);
  });

  it('only touch matching requests and count what they refused, in the log too', async () => {
    emu.control.setRateLimit({ fraction: 1, method: 'GET', path: SESSIONS });
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    await stripe.checkout.sessions.retrieve(session.id);
    await rejection(stripe.checkout.sessions.list());
    await rejection(stripe.checkout.sessions.list());
    expect(emu.control.rateLimit().rateLimited).toBe(2);
    const limited = emu.control.requests().filter((r) => r.status === 429);
    expect(limited.map((r) => [r.method, r.path, r.errorCode])).toEqual([
      ['GET', '/v1/checkout/sessions', 'rate_limit'],
      ['GET', '/v1/checkout/sessions', 'rate_limit'],
    ]);
  });

  it('choose the same requests on every run with the same seed', async () => {
    const pattern = async () => {
      emu.control.setRateLimit({ fraction: 0.5, method: 'GET' });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) {
        out.push((await raw(emu, '/v1/checkout/sessions?limit=1')).status);
      }
      return out;
    };
    const first = await pattern();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
    const other = await startTestEmulator({ seed: 42 });
    try {
      other.emu.control.setRateLimit({ fraction: 0.5, method: 'GET' });
      const again: number[] = [];
      for (let i = 0; i < 24; i++)
        again.push((await raw(other.emu, '/v1/checkout/sessions?limit=1')).status);
      expect(again).toEqual(first);
    } finally {
      await other.emu.stop();
    }
  });

  it('compose with api-latency: a refused request is answered late too', async () => {
    emu.control.setApiLatency([{ method: 'GET', path: SESSIONS, delayMs: 300 }]);
    emu.control.setRateLimit({ fraction: 1, method: 'GET', path: SESSIONS });
    const started = Date.now();
    const error = await rejection(stripe.checkout.sessions.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('refuse a bad rule and keep the one in force', () => {
    emu.control.setRateLimit({ fraction: 0.25 });
    expect(() => emu.control.setRateLimit({ fraction: 2 })).toThrow(/fraction must be/);
    expect(() => emu.control.setRateLimit({ fraction: 0.5, path: '(' })).toThrow(/regular/);
    expect(emu.control.rateLimit().rule).toEqual({ fraction: 0.25 });
  });

  it('are set over HTTP, and from the start with the rateLimit option', async () => {
    const client = createControlClient(emu.url);
    expect(await client.setRateLimit({ fraction: 1, path: SESSIONS })).toEqual({
      fraction: 1,
      path: SESSIONS,
    });
    await rejection(stripe.checkout.sessions.list());
    expect(await client.rateLimit()).toEqual({
      rule: { fraction: 1, path: SESSIONS },
      rateLimited: 1,
    });
    expect(await client.setRateLimit(null)).toBeNull();
    const bad = await raw(emu, '/_emulator/rate_limit', {
      method: 'POST',
      key: null,
      body: JSON.stringify({ rule: { fraction: -1 } }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(bad.status).toBe(400);

    const limited = await startTestEmulator({ rateLimit: { fraction: 1, method: 'POST' } });
    try {
      const error = await rejection(
        limited.stripe.checkout.sessions.create(sessionParams(limited.emu)),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      limited.emu.control.reset();
      // reset restores the option's rule and zeroes the count.
      expect(limited.emu.control.rateLimit()).toEqual({
        rule: { fraction: 1, method: 'POST' },
        rateLimited: 0,
      });
    } finally {
      await limited.emu.stop();
    }
  });
});
