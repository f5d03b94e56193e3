/** Payment methods and delayed (bank debit) payments, through stripe-node and the control API. */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { ControlCallError, createControlClient, DEMO_KEYS } from '../src/index';
import { rejection, sessionParams } from './helpers';
import { useEmulatorWithReceiver } from './use-emulator-with-receiver';

const { emu, stripe, receiver } = useEmulatorWithReceiver();

const delivered = async () => {
  await emu.control.waitForDeliveries();
  return receiver.types();
};

const euroLine = {
  line_items: [
    {
      quantity: 1,
      price_data: { currency: 'eur', unit_amount: 5000, product_data: { name: 'Visit' } },
    },
  ],
};

describe('payment method types', () => {
  it('offers the Dashboard set unless the create call narrows it with allowed_payment_method_types', async () => {
    const open = await stripe.checkout.sessions.create(sessionParams(emu));
    expect(open).toMatchObject({
      payment_method_types: ['card', 'us_bank_account'],
      allowed_payment_method_types: null,
    });
    const euros = await stripe.checkout.sessions.create(sessionParams(emu, euroLine));
    expect(euros.payment_method_types).toEqual(['card', 'sepa_debit']);
    const cardOnly = await stripe.checkout.sessions.create(
      sessionParams(emu, { allowed_payment_method_types: ['card', 'klarna'] }),
    );
    expect(cardOnly).toMatchObject({
      payment_method_types: ['card'],
      allowed_payment_method_types: ['card', 'klarna'],
    });
    const none = await rejection(
      stripe.checkout.sessions.create(
        sessionParams(emu, { allowed_payment_method_types: ['sepa_debit'] }),
      ),
    );
    expect(none).toMatchObject({ statusCode: 400, param: 'allowed_payment_method_types' });
  });

  it('takes the older static payment_method_types list as sent, if the currency can use it', async () => {
    // stripe-node 23 no longer types this parameter; older integrations still send it.
    const legacy = (types: string[], extra = {}) =>
      stripe.checkout.sessions.create(
        sessionParams(emu, { payment_method_types: types, ...extra } as never),
      );
    expect((await legacy(['card'])).payment_method_types).toEqual(['card']);
    expect((await legacy(['sepa_debit'], euroLine)).payment_method_types).toEqual(['sepa_debit']);
    const unknown = await rejection(legacy(['card', 'ideal']));
    expect(unknown).toMatchObject({ statusCode: 400, param: 'payment_method_types[1]' });
    const wrongCurrency = await rejection(legacy(['sepa_debit']));
    expect(wrongCurrency).toMatchObject({ statusCode: 400, param: 'payment_method_types[0]' });
  });
});

describe('delayed payments', () => {
  it('completes unpaid and processing, then succeeds when the clock reaches the delay', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const started = emu.control.paySessionDelayed(session.id, {
      outcome: 'succeed',
      delaySeconds: 120,
    });
    expect(started.settlesAt).toBe(emu.clock.now() + 120);

    const now = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(now).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect(now).not.toHaveProperty('presentment_details');
    const pi = now.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: 'processing', amount_received: 0 });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ status: 'pending', paid: false });
    expect(charge.payment_method_details?.type).toBe('us_bank_account');
    expect(await delivered()).toEqual([
      'payment_intent.created',
      'charge.pending',
      'payment_intent.processing',
      'checkout.session.completed',
    ]);
    const completed = receiver.received[3]?.event.data.object as Stripe.Checkout.Session;
    expect(completed.payment_status).toBe('unpaid');

    emu.control.setClock(started.settlesAt - 30);
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('processing');
    emu.control.setClock(started.settlesAt);
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
    expect((await stripe.charges.retrieve(charge.id)).status).toBe('succeeded');
    expect((await delivered()).slice(4)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.async_payment_succeeded',
    ]);
    const asyncPaid = receiver.received.at(-1)?.event.data.object as Stripe.Checkout.Session;
    expect(asyncPaid.payment_status).toBe('paid');

    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    expect(refund).toMatchObject({
      status: 'succeeded',
      destination_details: { type: 'us_bank_account' },
    });
    expect((await delivered()).slice(7)).toEqual(['refund.created', 'charge.refunded']);
  });

  it('fails after the default delay: the session stays unpaid, the intent needs a new method', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const started = emu.control.paySessionDelayed(session.id, { outcome: 'fail' });
    emu.control.advanceClock(60);
    const pi = await stripe.paymentIntents.retrieve(started.paymentIntent.id);
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error).toMatchObject({
      code: 'insufficient_funds',
      payment_method_type: 'us_bank_account',
    });
    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect((await delivered()).slice(4)).toEqual([
      'charge.failed',
      'payment_intent.payment_failed',
      'checkout.session.async_payment_failed',
    ]);
  });

  it('settles in real time through the sweep, and a complete session cannot be expired', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.paySessionDelayed(session.id, { outcome: 'succeed', delaySeconds: 1 });
    await expect
      .poll(async () => (await stripe.checkout.sessions.retrieve(session.id)).payment_status, {
        timeout: 5000,
      })
      .toBe('paid');
    const expire = await rejection(stripe.checkout.sessions.expire(session.id));
    expect(expire).toMatchObject({
      statusCode: 400,
      message:
        'Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "complete".',
    });
  });

  it('refuses a card-only session with a clear 400, over HTTP too', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { allowed_payment_method_types: ['card'] }),
    );
    const client = createControlClient(emu.url);
    const error = await client
      .paySessionDelayed(session.id, { outcome: 'succeed' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlCallError);
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toContain('accepts only card');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const open = await stripe.checkout.sessions.create(sessionParams(emu));
    const paid = await client.paySessionDelayed(open.id, { outcome: 'succeed', delaySeconds: 30 });
    expect(paid).toMatchObject({ status: 'processing', paymentIntent: { status: 'processing' } });
    const bad = await fetch(`${emu.url}/_emulator/checkout/sessions/${open.id}/pay_delayed`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'maybe' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('the embedded checkout page', () => {
  async function page(path: string, fields: Record<string, string>) {
    const response = await fetch(`${emu.url}/checkout/embedded/api/${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
    });
    return (await response.json()) as {
      result: string;
      checkout: { status: string; paymentStatus: string; delayedMethod: unknown };
      errors?: Record<string, string>;
    };
  }
  const authFor = (session: Stripe.Checkout.Session) => ({
    key: DEMO_KEYS.publishableKey,
    client_secret: session.client_secret ?? '',
  });

  it('offers the bank debit as a second option, and pays with it', async () => {
    const html = await (await fetch(`${emu.url}/checkout/embedded`)).text();
    expect(html).toContain('<button id="use-delayed" class="link" type="button">');
    expect(html).toContain('<label for="bank-account">Test bank account</label>');

    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { customer_email: undefined }),
    );
    const auth = authFor(session);
    const init = await page('init', auth);
    expect(init.checkout.delayedMethod).toEqual({
      type: 'us_bank_account',
      label: 'US bank account',
    });
    const noEmail = await page('pay_delayed', { ...auth, outcome: 'succeed' });
    expect(noEmail).toMatchObject({
      result: 'invalid',
      errors: { email: 'Enter your email address.' },
    });
    const paid = await page('pay_delayed', { ...auth, outcome: 'fail', email: 'p@example.com' });
    expect(paid).toMatchObject({
      result: 'processing',
      checkout: { status: 'complete', paymentStatus: 'unpaid' },
    });
    const pi = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    expect((await stripe.paymentIntents.retrieve(pi)).status).toBe('processing');
  });

  it('shows no second option on a card-only session', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { allowed_payment_method_types: ['card'] }),
    );
    const init = await page('init', authFor(session));
    expect(init.checkout.delayedMethod).toBeNull();
    const refused = await fetch(`${emu.url}/checkout/embedded/api/pay_delayed`, {
      method: 'POST',
      body: new URLSearchParams({ ...authFor(session), outcome: 'succeed' }),
    });
    expect(refused.status).toBe(400);
  });
});
