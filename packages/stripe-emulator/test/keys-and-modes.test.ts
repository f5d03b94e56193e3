/** Keys and modes through stripe-node: authentication, live/test isolation, restricted keys. */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, generateApiKey, type RunningEmulator } from '../src/index';
import { raw, rejection, sessionParams, startTestEmulator, stripeFor } from './helpers';

// Live-shaped keys exist only at run time (a committed one would look leaked).
const liveSecret = generateApiKey('sk', 'live');
const readOnly = generateApiKey('rk', 'test');
const checkoutWriter = generateApiKey('rk', 'test');
let emu: RunningEmulator;

beforeAll(async () => {
  ({ emu } = await startTestEmulator({
    keys: [
      DEMO_KEYS.secretKey,
      DEMO_KEYS.publishableKey,
      liveSecret,
      { key: readOnly, rights: ['checkout_session_read'] },
      { key: checkoutWriter, rights: ['checkout_session_write', 'payment_intent_read'] },
    ],
  }));
});
afterAll(() => emu.stop());

describe('authentication', () => {
  it('refuses an unknown key with 401, masking it', async () => {
    const unknown = 'sk_test_' + 'x'.repeat(20) + 'ab12';
    const error = await rejection(stripeFor(emu, unknown).checkout.sessions.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.rawType).toBe('invalid_request_error');
    expect(error.message).toBe(`Invalid API Key provided: sk_test_${'*'.repeat(20)}ab12`);
  });

  it('refuses a request without a key', async () => {
    const response = await raw(emu, '/v1/checkout/sessions', { key: null });
    expect(response.status).toBe(401);
    expect(response.json.error?.message).toMatch(/^You did not provide an API key/);
  });

  it('refuses a publishable key on a secret endpoint', async () => {
    const error = await rejection(
      stripeFor(emu, DEMO_KEYS.publishableKey).checkout.sessions.list(),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.message).toMatch(/cannot be made with a publishable API key/);
  });

  it('accepts Basic auth with the key as user name, as Stripe does', async () => {
    const basic = Buffer.from(`${DEMO_KEYS.secretKey}:`).toString('base64');
    const response = await raw(emu, '/v1/checkout/sessions?limit=1', {
      key: null,
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(200);
    expect(response.json.object).toBe('list');
  });

  it('accepts a Stripe-Version header and rejects a malformed one', async () => {
    const ok = await raw(emu, '/v1/checkout/sessions?limit=1', {
      headers: { 'Stripe-Version': '2026-10-28.endive' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('stripe-version')).toBe('2026-10-28.endive');
    const bad = await raw(emu, '/v1/checkout/sessions?limit=1', {
      headers: { 'Stripe-Version': 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toBe('Invalid Stripe API version: yesterday');
  });
});

describe('modes', () => {
  it('gives live keys live objects with cs_live_ ids', async () => {
    const live = stripeFor(emu, liveSecret);
    const session = await live.checkout.sessions.create(sessionParams(emu));
    expect(session.id).toMatch(/^cs_live_a1/);
    expect(session.livemode).toBe(true);
  });

  it("never shows one mode's objects to the other", async () => {
    const live = stripeFor(emu, liveSecret);
    const test = stripeFor(emu);
    const liveSession = await live.checkout.sessions.create(sessionParams(emu));
    const testSession = await test.checkout.sessions.create(sessionParams(emu));
    const fromTest = await rejection(test.checkout.sessions.retrieve(liveSession.id));
    expect(fromTest).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(fromTest.statusCode).toBe(404);
    expect(fromTest.code).toBe('resource_missing');
    expect(fromTest.message).toBe(`No such checkout.session: '${liveSession.id}'`);
    const fromLive = await rejection(live.checkout.sessions.expire(testSession.id));
    expect(fromLive.code).toBe('resource_missing');
    expect((await live.checkout.sessions.list({ limit: 100 })).data.every((s) => s.livemode)).toBe(
      true,
    );
    expect((await test.checkout.sessions.list({ limit: 100 })).data.every((s) => !s.livemode)).toBe(
      true,
    );
  });
});

describe('restricted keys', () => {
  it('allows what the key has the right for', async () => {
    const list = await stripeFor(emu, readOnly).checkout.sessions.list({ limit: 1 });
    expect(list.object).toBe('list');
  });

  it('refuses the rest with 403 naming the missing permission', async () => {
    const error = await rejection(
      stripeFor(emu, readOnly).checkout.sessions.create(sessionParams(emu)),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(error.statusCode).toBe(403);
    expect(error.message).toMatch(
      /^The provided key 'rk_test_\*+.{4}' does not have the required permissions/,
    );
    expect(error.message).toContain(
      "Having the 'rak_checkout_session_write' permission would allow this request to continue.",
    );
  });

  it('treats a write right as including its read right', async () => {
    const writer = stripeFor(emu, checkoutWriter);
    const session = await writer.checkout.sessions.create(sessionParams(emu));
    expect((await writer.checkout.sessions.retrieve(session.id)).id).toBe(session.id);
    const refund = await rejection(writer.refunds.create({ payment_intent: 'pi_x' }));
    expect(refund).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });
});
