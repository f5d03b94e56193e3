/** The key check the settings page makes, against the emulator's key rules. */
import { DEMO_KEYS, generateApiKey, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayNotConfiguredError } from '../src/gateway-errors';
import { createStripeGateway } from '../src/stripe-gateway';
import { gatewayFor, startTestEmulator } from './emulator';

let emu: RunningEmulator;
const CHECKOUT_KEY = generateApiKey('rk', 'test');
const BALANCE_ONLY_KEY = generateApiKey('rk', 'test');

beforeAll(async () => {
  emu = await startTestEmulator({
    keys: [
      DEMO_KEYS.secretKey,
      DEMO_KEYS.publishableKey,
      {
        key: CHECKOUT_KEY,
        rights: ['checkout_session_write', 'payment_intent_read', 'refund_write', 'event_read'],
      },
      { key: BALANCE_ONLY_KEY, rights: ['charge_read'] },
    ],
  });
});
afterAll(() => emu.stop());

async function refusal(promise: Promise<unknown>): Promise<GatewayNotConfiguredError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayNotConfiguredError);
  return error as GatewayNotConfiguredError;
}

describe('verifyCredentials', () => {
  it('passes with a secret key', async () => {
    await expect(gatewayFor(emu).verifyCredentials()).resolves.toBeUndefined();
  });

  it('passes with a restricted key that has the checkout rights', async () => {
    await expect(gatewayFor(emu, CHECKOUT_KEY).verifyCredentials()).resolves.toBeUndefined();
  });

  it('proves each right with a call that changes nothing', async () => {
    emu.control.reset();
    await gatewayFor(emu).verifyCredentials();
    const asked = emu.control.requests().map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(asked.sort()).toEqual([
      'GET /v1/events 200',
      'GET /v1/payment_intents 200',
      expect.stringMatching(/^POST \/v1\/checkout\/sessions\/cs_test_\w+\/expire 404$/),
      'POST /v1/refunds 404',
    ]);
    const objects = emu.control.objects('test');
    expect([objects.checkoutSessions, objects.refunds, objects.paymentIntents]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it("refuses an unknown key as not configured, keeping Stripe's reason without the key", async () => {
    const unknown = `sk_test_${'Unknown'.repeat(6)}Key9Z`;
    const error = await refusal(gatewayFor(emu, unknown).verifyCredentials());
    expect(error.message).toBe('Stripe gateway is not properly configured');
    expect(error.code).toBe('not_configured');
    expect(error.statusCode).toBe(401);
    expect(error.stripeMessage).toMatch(/^Invalid API Key provided: sk_test_…/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Unknown'.repeat(6));
  });

  it('refuses a restricted key without the rights Clinicpay needs, naming each one missing', async () => {
    const error = await refusal(gatewayFor(emu, BALANCE_ONLY_KEY).verifyCredentials());
    expect(error.statusCode).toBe(403);
    expect(error.stripeMessage).toBe(
      "This restricted key lacks permissions Clinicpay needs: Checkout Sessions: Write, PaymentIntents: Read, Refunds: Write, Events: Read. Allow them on the key in Stripe's Dashboard (Developers › API keys), or use the secret key.",
    );
    expect(error.stripeMessage).not.toContain(BALANCE_ONLY_KEY.slice(8, -4));
  });

  it('refuses a publishable key pasted as the secret key', async () => {
    const error = await refusal(gatewayFor(emu, DEMO_KEYS.publishableKey).verifyCredentials());
    expect(error.stripeMessage).toContain('publishable API key');
  });

  it('refuses a missing key without calling Stripe', async () => {
    emu.control.reset();
    const error = await refusal(
      createStripeGateway({ secretKey: ' ', apiUrl: emu.url }).verifyCredentials(),
    );
    expect(error.stripeMessage).toBe('No secret key is saved.');
    expect(emu.control.requests()).toEqual([]);
  });

  it('reports Stripe out of reach as unavailable, not as a bad key', async () => {
    const stopped = await startTestEmulator();
    await stopped.stop();
    const gateway = createStripeGateway({
      secretKey: DEMO_KEYS.secretKey,
      apiUrl: stopped.url,
      maxNetworkRetries: 0,
    });
    await expect(gateway.verifyCredentials()).rejects.toMatchObject({
      code: 'unavailable',
      retryable: true,
    });
  });
});
