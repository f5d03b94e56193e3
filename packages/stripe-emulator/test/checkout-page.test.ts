/**
 * The embedded checkout page's API, over HTTP as the page calls it: who may load a session, how a
 * card is read, and that paying there is the same flow (objects, events) as the control API.
 */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../src/index';
import { generateApiKey } from '../src/keys';
import { sessionParams, startTestEmulator } from './helpers';
import { useEmulatorWithReceiver } from './use-emulator-with-receiver';

// Nothing is reset between tests: the one that reads deliveries picks out its own session's.
const { emu, stripe, receiver } = useEmulatorWithReceiver(
  { businessName: 'Demo Clinic' },
  { forgetBetweenTests: false },
);

const card = { number: '4242 4242 4242 4242', expiry: '12 / 40', cvc: '123', name: 'Ada Lovelace' };

async function page(path: string, fields: Record<string, string>) {
  const response = await fetch(`${emu.url}/checkout/embedded/api/${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  return {
    status: response.status,
    cors: response.headers.get('access-control-allow-origin'),
    json: (await response.json()) as Record<string, unknown> & {
      result?: string;
      checkout?: Record<string, unknown>;
      error?: { message: string; code?: string };
    },
  };
}

async function newSession(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const session = await stripe.checkout.sessions.create(sessionParams(emu, overrides));
  const auth = { key: DEMO_KEYS.publishableKey, client_secret: session.client_secret ?? '' };
  return { session, auth };
}

describe('checkout page files', () => {
  it('serves the page, its script and style, and the Stripe.js stand-in', async () => {
    const html = await fetch(`${emu.url}/checkout/embedded`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(await html.text()).toContain('<label for="number">Card number</label>');
    for (const file of ['page.js', 'card-input.js', 'page.css']) {
      expect((await fetch(`${emu.url}/checkout/embedded/${file}`)).status).toBe(200);
    }
    for (const path of ['/v3/stripe.js', '/v3', '/endive/stripe.js']) {
      const script = await fetch(`${emu.url}${path}`);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await script.text()).toContain("Stripe.version = 'endive'");
    }
    expect((await fetch(`${emu.url}/checkout/embedded/nope.js`)).status).toBe(404);
    expect((await fetch(`${emu.url}/v4/stripe.js`)).status).toBe(404);
  });
});

describe('loading a session', () => {
  it('shows the amount, the merchant and the items, and allows any origin to ask', async () => {
    const { session, auth } = await newSession({
      line_items: [
        {
          quantity: 2,
          price_data: {
            currency: 'jpy',
            unit_amount: 2500,
            product_data: { name: 'Consultation' },
          },
        },
      ],
    });
    const init = await page('init', { ...auth, locale: 'en-US' });
    expect(init.cors).toBe('*');
    expect(init.json.checkout).toMatchObject({
      id: session.id,
      status: 'open',
      livemode: false,
      businessName: 'Demo Clinic',
      amountTotal: 5000,
      currency: 'jpy',
      amountFormatted: '¥5,000',
      lineItems: [{ name: 'Consultation', quantity: 2, amountFormatted: '¥5,000' }],
      customerEmail: 'patient@example.com',
      redirectOnCompletion: 'always',
      returnUrl: `https://clinic.example/booking/BK-1/return?session_id=${session.id}`,
      awaitingAuthentication: false,
    });
    expect(JSON.stringify(init.json)).not.toContain('pay_123'); // metadata stays server-side
  });

  it('refuses an unknown key, a secret key, a wrong secret and the other mode', async () => {
    const { auth } = await newSession();
    const unknown = await page('init', { ...auth, key: 'pk_test_unknownKey1234' });
    expect(unknown).toMatchObject({
      status: 401,
      json: {
        error: {
          code: 'invalid_api_key',
          message: 'Invalid API Key provided: pk_test_**********1234',
        },
      },
    });
    const secret = await page('init', { ...auth, key: DEMO_KEYS.secretKey });
    expect(secret.json.error?.code).toBe('secret_key_used');
    const wrong = await page('init', { ...auth, client_secret: `${auth.client_secret}x` });
    expect(wrong).toMatchObject({
      status: 404,
      json: { error: { code: 'invalid_client_secret' } },
    });

    const livePk = generateApiKey('pk', 'live');
    const liveEmu = await startTestEmulator({ keys: [DEMO_KEYS.secretKey, livePk] });
    try {
      const { session } = {
        session: await liveEmu.stripe.checkout.sessions.create(sessionParams(liveEmu.emu)),
      };
      const response = await fetch(`${liveEmu.emu.url}/checkout/embedded/api/init`, {
        method: 'POST',
        body: new URLSearchParams({ key: livePk, client_secret: session.client_secret ?? '' }),
      });
      expect(response.status).toBe(404);
    } finally {
      await liveEmu.emu.stop();
    }
  });

  it('shows an expired session as expired', async () => {
    const { session, auth } = await newSession();
    emu.control.expireSession(session.id);
    expect((await page('init', auth)).json.checkout?.status).toBe('expired');
    const pay = await page('pay', { ...auth, ...card });
    expect(pay.json).toMatchObject({ result: 'inactive', checkout: { status: 'expired' } });
  });
});

describe('paying on the page', () => {
  it('names each field that is wrong, and charges nothing', async () => {
    const { session, auth } = await newSession();
    const pay = await page('pay', { ...auth, number: '4242', expiry: '01/20', cvc: '', name: '' });
    expect(pay.json).toMatchObject({
      result: 'invalid',
      errors: {
        number: 'Your card number is incomplete.',
        expiry: 'Your card’s expiry date is in the past.',
        cvc: 'Enter your card’s security code (CVC).',
        name: 'Enter the name on your card.',
      },
    });
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_intent).toBeNull();
  });

  it('asks for an email only when the session has none', async () => {
    const { auth } = await newSession({ customer_email: undefined });
    const pay = await page('pay', { ...auth, ...card });
    expect(pay.json).toMatchObject({
      result: 'invalid',
      errors: { email: 'Enter your email address.' },
    });
    const paid = await page('pay', { ...auth, ...card, email: 'payer@example.com' });
    expect(paid.json.result).toBe('succeeded');
  });

  it('declines 0002 with the reason, then takes 4242 in the same session, with the events', async () => {
    const { session, auth } = await newSession();
    const declined = await page('pay', { ...auth, ...card, number: '4000 0000 0000 0002' });
    expect(declined.json).toMatchObject({
      result: 'declined',
      message: 'Your card was declined.',
      code: 'card_declined',
      declineCode: 'generic_decline',
      checkout: { status: 'open' },
    });
    const paid = await page('pay', { ...auth, ...card });
    expect(paid.json).toMatchObject({ result: 'succeeded', checkout: { status: 'complete' } });
    const done = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(done.customer_details?.name).toBe('Ada Lovelace');

    await emu.control.waitForDeliveries(5000);
    const piId = (done.payment_intent as Stripe.PaymentIntent).id;
    const ofSession = receiver.received
      .map(({ event }) => ({ type: event.type, object: event.data.object }))
      .filter(
        ({ object }) =>
          [session.id, piId].some((id) => 'id' in object && object.id === id) ||
          ('payment_intent' in object && object.payment_intent === piId),
      )
      .map(({ type }) => type);
    expect(ofSession).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const again = await page('pay', { ...auth, ...card });
    expect(again.json).toMatchObject({ result: 'inactive', checkout: { status: 'complete' } });
  });

  it.each([
    ['4000 0000 0000 9995', 'Your card has insufficient funds.', 'insufficient_funds'],
    ['4000 0000 0000 0069', 'Your card has expired.', 'expired_card'],
  ])('declines %s with “%s”', async (number, message, declineCode) => {
    const { auth } = await newSession();
    const declined = await page('pay', { ...auth, ...card, number });
    expect(declined.json).toMatchObject({ result: 'declined', message, declineCode });
  });

  it('asks 3155 to authenticate; Complete pays, Fail declines and the card form comes back', async () => {
    const first = await newSession();
    const pending = await page('pay', { ...first.auth, ...card, number: '4000 0025 0000 3155' });
    expect(pending.json).toMatchObject({
      result: 'requires_action',
      checkout: { awaitingAuthentication: true },
    });
    // Reloading the page shows the same step, and paying again is not possible meanwhile.
    expect((await page('init', first.auth)).json.checkout?.awaitingAuthentication).toBe(true);
    expect((await page('pay', { ...first.auth, ...card })).json.result).toBe('requires_action');
    const completed = await page('authenticate', { ...first.auth, outcome: 'succeed' });
    expect(completed.json).toMatchObject({ result: 'succeeded', checkout: { status: 'complete' } });

    const second = await newSession();
    await page('pay', { ...second.auth, ...card, number: '4000 0025 0000 3155' });
    const failed = await page('authenticate', { ...second.auth, outcome: 'fail' });
    expect(failed.json).toMatchObject({
      result: 'declined',
      code: 'payment_intent_authentication_failure',
      checkout: { status: 'open', awaitingAuthentication: false },
    });
    const nothingPending = await page('authenticate', { ...second.auth, outcome: 'succeed' });
    expect(nothingPending.json.result).toBe('ready');
  });

  it('shows the expiry when the session lapses while the page is open', async () => {
    const { auth } = await newSession();
    expect((await page('init', auth)).json.checkout?.status).toBe('open');
    emu.clock.advance(36 * 60);
    const pay = await page('pay', { ...auth, ...card });
    expect(pay.json).toMatchObject({ result: 'inactive', checkout: { status: 'expired' } });
  });

  it('answers bad calls with 4xx', async () => {
    expect((await page('nothing', {})).status).toBe(404);
    expect((await page('pay', {})).status).toBe(401);
    const get = await fetch(`${emu.url}/checkout/embedded/api/pay`, { method: 'PUT' });
    expect(get.status).toBe(405);
    const big = await fetch(`${emu.url}/checkout/embedded/api/pay`, {
      method: 'POST',
      body: 'x'.repeat(20_000),
    });
    expect(big.status).toBe(413);
    const preflight = await fetch(`${emu.url}/checkout/embedded/api/init`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
  });
});
