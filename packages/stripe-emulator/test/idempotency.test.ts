/** Stripe's idempotency rules, through stripe-node's `idempotencyKey` request option. */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey, DEMO_KEYS, type RunningEmulator } from '../src/index';
import { rejection, sessionParams, startTestEmulator, stripeFor } from './helpers';

const liveSecret = generateApiKey('sk', 'live');
let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await startTestEmulator({ keys: [DEMO_KEYS.secretKey, liveSecret] }));
});
afterAll(() => emu.stop());

describe('idempotency keys', () => {
  it('replays the first response for the same key and parameters', async () => {
    const params = sessionParams(emu);
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'payment-1' });
    const second = await stripe.checkout.sessions.create(params, { idempotencyKey: 'payment-1' });
    expect(second.id).toBe(first.id);
    expect(second.client_secret).toBe(first.client_secret);
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(
      emu.control.objects('test').checkoutSessions.filter((s) => s.id === first.id),
    ).toHaveLength(1);
  });

  it('refuses the same key with other parameters: StripeIdempotencyError', async () => {
    await stripe.checkout.sessions.create(sessionParams(emu), { idempotencyKey: 'payment-2' });
    const error = await rejection(
      stripe.checkout.sessions.create(sessionParams(emu, { client_reference_id: 'other' }), {
        idempotencyKey: 'payment-2',
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.rawType).toBe('idempotency_error');
    expect(error.message).toContain("Try using a key other than 'payment-2'");
  });

  it('refuses the same key on another endpoint', async () => {
    await stripe.checkout.sessions.create(sessionParams(emu), { idempotencyKey: 'payment-3' });
    const error = await rejection(
      stripe.refunds.create({ payment_intent: 'pi_nope' }, { idempotencyKey: 'payment-3' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('replays an error from running the endpoint, with the replay header', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    await stripe.checkout.sessions.expire(session.id);
    const first = await rejection(
      stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: 'expire-1' }),
    );
    const replay = await rejection(
      stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: 'expire-1' }),
    );
    expect(replay).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(replay.message).toBe(first.message);
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(first.headers?.['idempotent-replayed']).toBeUndefined();
  });

  it('does not store parameter errors, as Stripe does not, so a corrected retry can run', async () => {
    const bad = await rejection(
      stripe.checkout.sessions.create(sessionParams(emu, { expires_at: emu.clock.now() + 60 }), {
        idempotencyKey: 'fix-me',
      }),
    );
    expect(bad.param).toBe('expires_at');
    const again = await rejection(
      stripe.checkout.sessions.create(sessionParams(emu, { expires_at: emu.clock.now() + 60 }), {
        idempotencyKey: 'fix-me',
      }),
    );
    expect(again.headers?.['idempotent-replayed']).toBeUndefined();
  });

  it('scopes keys per mode', async () => {
    const live = stripeFor(emu, liveSecret);
    const params = sessionParams(emu);
    const test = await stripe.checkout.sessions.create(params, { idempotencyKey: 'shared-key' });
    const liveSession = await live.checkout.sessions.create(params, {
      idempotencyKey: 'shared-key',
    });
    expect(liveSession.id).not.toBe(test.id);
    expect(liveSession.livemode).toBe(true);
  });

  it('treats the key stripe-node generates on every POST as an ordinary first use', async () => {
    const a = await stripe.checkout.sessions.create(sessionParams(emu));
    const b = await stripe.checkout.sessions.create(sessionParams(emu));
    expect(a.id).not.toBe(b.id);
    expect(a.lastResponse.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });

  it('expires keys after 24 hours on the emulator clock', async () => {
    const params = sessionParams(emu, { expires_at: undefined });
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'day-old' });
    emu.control.advanceClock(24 * 3600 + 1);
    const later = await stripe.checkout.sessions.create(params, { idempotencyKey: 'day-old' });
    expect(later.id).not.toBe(first.id);
  });
});
