/** The request log records what was sent, so a test can assert what the product told Stripe. */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlClient, type LoggedRequest, type RunningEmulator } from '../src/index';
import { raw, sessionParams, startTestEmulator } from './helpers';

let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await startTestEmulator());
});
afterAll(() => emu.stop());

const last = (method: string, path: string): LoggedRequest => {
  const found = emu.control
    .requests()
    .filter((r) => r.method === method && r.path === path)
    .at(-1);
  if (!found) throw new Error(`No ${method} ${path} in the request log`);
  return found;
};

describe('request log parameters', () => {
  it('records the decoded body of a POST, nested as stripe-node sent it', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const logged = last('POST', '/v1/checkout/sessions');
    expect(logged.status).toBe(200);
    expect(logged.params).toEqual({
      mode: 'payment',
      ui_mode: 'embedded_page',
      return_url: 'https://clinic.example/booking/BK-1/return?session_id={CHECKOUT_SESSION_ID}',
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'usd',
            unit_amount: '5000',
            product_data: { name: 'Appointment at Demo Clinic' },
          },
        },
      ],
      metadata: { payment_id: 'pay_123' },
      client_reference_id: 'pay_123',
      customer_email: 'patient@example.com',
      payment_intent_data: { metadata: { payment_id: 'pay_123' } },
      expires_at: String(session.expires_at),
    });
  });

  it('records the query of a GET, and an empty object when there is none', async () => {
    await stripe.checkout.sessions.list({ limit: 1, expand: ['data.payment_intent'] });
    expect(last('GET', '/v1/checkout/sessions').params).toEqual({
      limit: '1',
      expand: ['data.payment_intent'],
    });
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    await stripe.checkout.sessions.retrieve(session.id);
    expect(last('GET', `/v1/checkout/sessions/${session.id}`).params).toEqual({});
  });

  it('records what a refused request sent, and null when it could not be decoded', async () => {
    await raw(emu, '/v1/checkout/sessions', { method: 'POST', body: 'mode=payment', key: null });
    expect(last('POST', '/v1/checkout/sessions')).toMatchObject({
      status: 401,
      params: { mode: 'payment' },
    });
    await raw(emu, '/v1/checkout/sessions', { method: 'POST', body: 'a[b]=1&a=2' });
    expect(last('POST', '/v1/checkout/sessions')).toMatchObject({ status: 400, params: null });
  });

  it('is served by the control API, so another process can assert what was sent', async () => {
    await stripe.checkout.sessions.create(
      sessionParams(emu, { customer_email: 'someone@example.com' }),
    );
    const requests = await createControlClient(emu.url).requests();
    const created = requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1);
    expect(created?.params).toMatchObject({ customer_email: 'someone@example.com' });
  });
});
