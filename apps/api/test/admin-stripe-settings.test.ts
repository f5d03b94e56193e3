import { describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../src/index.js';
import { dataOf, trpcMutation, trpcQuery, type HttpAnswer } from './support/admin-http.js';
import { KEYS, type SignedInApi } from './support/admin-stripe.js';
import { useSettingsStack } from './support/settings-stack.js';
import { deliver, stripeEvent } from './support/stripe-events.js';

// PUBLIC_URL over http: Live refused.
const settings = useSettingsStack('http://localhost:5173', 'https://clinic.example');
const [http, https] = settings.apis;

const base = { enabled: true, mode: 'test', currency: 'usd', failurePolicy: 'cancel' };
const save = (on: SignedInApi, input: Record<string, unknown>) =>
  trpcMutation(
    on.api.url,
    'admin.stripeSettings.save',
    { ...base, ...input },
    { cookie: on.cookie },
  );
type Settings = RouterOutputs['admin']['stripeSettings']['get'];
const read = async (on: SignedInApi) =>
  dataOf<Settings>(
    await trpcQuery(on.api.url, 'admin.stripeSettings.get', undefined, { cookie: on.cookie }),
  );
const fields = (answer: HttpAnswer) =>
  (answer.body.error?.data.fieldErrors ?? []).map((f) => f.path);
const messageOn = (answer: HttpAnswer, path: string) =>
  answer.body.error?.data.fieldErrors?.find((f) => f.path === path)?.message ?? '';

describe('reading the Stripe settings', () => {
  it('shows publishable keys in full, secrets masked, the webhook URL and the events to select', async () => {
    const settings = await read(http);
    expect(settings).toMatchObject({
      enabled: true,
      mode: 'test',
      currency: 'USD',
      failurePolicy: 'cancel',
      keys: {
        test: {
          publishableKey: KEYS.test.publishableKey,
          secretKey: `sk_test_…${KEYS.test.secretKey.slice(-4)}`,
          webhookSigningSecret: `whsec_…${KEYS.test.webhookSigningSecret.slice(-4)}`,
        },
        live: { publishableKey: null, secretKey: null, webhookSigningSecret: null },
      },
      webhookUrl: 'http://localhost:5173/webhooks/stripe',
      liveMode: {
        allowed: false,
        reason: expect.stringMatching(/^Live mode needs the clinic's address to use https/),
      },
      lastEvent: { test: null, live: null },
    });
    expect(settings.webhookEvents).toEqual(
      expect.arrayContaining([
        'payment_intent.succeeded',
        'checkout.session.completed',
        'checkout.session.expired',
        'charge.refunded',
        'charge.dispute.created',
      ]),
    );
    expect((await read(https)).liveMode).toEqual({ allowed: true, reason: null });
  });

  it('shows the last event received per mode and recent signature failures', async () => {
    expect(
      (
        await deliver(
          http.api.url,
          stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await deliver(
          http.api.url,
          stripeEvent('customer.created', { id: 'cus_2', object: 'customer' }),
          { secret: 'whsec_wrongwrongwrongwrong' },
        )
      ).status,
    ).toBe(400);
    const settings = await read(http);
    expect(settings.lastEvent.test).toMatchObject({
      type: 'customer.created',
      outcome: 'ignored:unhandled_event_type',
    });
    expect(settings.lastEvent.live).toBeNull();
    expect(settings.signatureFailures.last24Hours).toBe(1);
    expect(settings.signatureFailures.recent[0]).toMatchObject({
      mode: 'test',
      reason: expect.any(String),
    });
  });
});

describe('saving: each rule reported on its field', () => {
  it('a secret key of the other mode', async () => {
    const answer = await save(http, {
      secretKey: KEYS.live.secretKey,
      publishableKey: KEYS.test.publishableKey,
    });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['secretKey']);
    expect(messageOn(answer, 'secretKey')).toMatch(
      /^This is a live key \(sk_live_…\) but Mode is Sandbox \(Test\)/,
    );
  });

  it('publishable and secret keys of different modes', async () => {
    const answer = await save(http, {
      secretKey: KEYS.test.secretKey,
      publishableKey: KEYS.live.publishableKey,
    });
    expect(fields(answer)).toEqual(['publishableKey']);
  });

  it('both keys of the other mode: the Mode switch is named once', async () => {
    const answer = await save(http, {
      secretKey: KEYS.live.secretKey,
      publishableKey: KEYS.live.publishableKey,
    });
    expect(fields(answer)).toEqual(['mode']);
    expect(messageOn(answer, 'mode')).toMatch(/^Both keys are live keys/);
  });

  it('a key pasted in the wrong field, and a cut-short signing secret', async () => {
    const answer = await save(http, {
      secretKey: KEYS.test.publishableKey,
      webhookSigningSecret: 'whsec_short',
    });
    expect(fields(answer)).toEqual(['secretKey', 'webhookSigningSecret']);
    expect(JSON.stringify(answer.body)).not.toContain(KEYS.test.publishableKey);
  });

  it('an unsupported currency', async () => {
    const answer = await save(http, { currency: 'XYZ' });
    expect(answer.status).toBe(400);
    expect(messageOn(answer, 'currency')).toMatch(
      /^Currency not supported by Stripe: XYZ is not a currency Stripe charges in/,
    );
  });

  it('enabling a mode that has no keys asks for each one', async () => {
    const answer = await save(https, { mode: 'live' });
    expect(fields(answer)).toEqual(['secretKey', 'publishableKey', 'webhookSigningSecret']);
  });

  it('Live while the public URL is not https, with the reason', async () => {
    const answer = await save(http, { mode: 'live', ...KEYS.live });
    expect(fields(answer)).toEqual(['mode']);
    expect(messageOn(answer, 'mode')).toMatch(
      /needs the clinic's address to use https, but it is http:\/\/localhost:5173/,
    );
  });
});

describe('saving: the key is checked with Stripe', () => {
  it('a key Stripe refuses: "Stripe gateway is not properly configured" with Stripe\'s reason, the key masked', async () => {
    const answer = await save(http, { secretKey: KEYS.unknown });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['secretKey']);
    const message = messageOn(answer, 'secretKey');
    expect(message).toMatch(
      /^Stripe gateway is not properly configured: Invalid API Key provided: sk_test_…/,
    );
    expect(message).not.toContain(KEYS.unknown.slice(8, 30));
    expect((await read(http)).keys.test.secretKey).toBe(
      `sk_test_…${KEYS.test.secretKey.slice(-4)}`,
    );
  });

  it('a restricted key without checkout rights is refused, naming the permissions; one with them is saved', async () => {
    const refused = await save(http, { secretKey: KEYS.restrictedWithoutCheckout });
    expect(messageOn(refused, 'secretKey')).toBe(
      "Stripe gateway is not properly configured: This restricted key lacks permissions Clinicpay needs: Checkout Sessions: Write, Refunds: Write. Allow them on the key in Stripe's Dashboard (Developers › API keys), or use the secret key.",
    );
    const saved = await save(http, { secretKey: KEYS.restrictedWithCheckout });
    expect(saved.status).toBe(200);
    expect(dataOf<Settings>(saved).keys.test.secretKey).toBe(
      `rk_test_…${KEYS.restrictedWithCheckout.slice(-4)}`,
    );
    expect((await save(http, { secretKey: KEYS.test.secretKey })).status).toBe(200);
  });

  it('a valid live key set is checked and saved in Live over https', async () => {
    const answer = await save(https, { mode: 'live', ...KEYS.live });
    expect(answer.status).toBe(200);
    expect(dataOf<Settings>(answer).keys.live.secretKey).toBe(
      `sk_live_…${KEYS.live.secretKey.slice(-4)}`,
    );
    // Checked with Stripe: the key's rights were proven (key-rights.ts).
    expect(
      settings.stripe.control
        .requests()
        .some((r) => r.path === '/v1/payment_intents' && r.method === 'GET'),
    ).toBe(true);
  });
});
