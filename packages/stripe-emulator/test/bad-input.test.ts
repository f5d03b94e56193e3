/** Hostile and malformed requests get Stripe-shaped 4xx answers, and the emulator keeps serving. */
import { connect } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { raw, rejection, sessionParams, startTestEmulator } from './helpers';

let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await startTestEmulator());
});
afterAll(() => emu.stop());

async function stillServing() {
  const session = await stripe.checkout.sessions.create(sessionParams(emu));
  expect(session.status).toBe('open');
}

const post = (body: string, headers: Record<string, string> = {}) =>
  raw(emu, '/v1/checkout/sessions', { method: 'POST', body, headers });

describe('malformed bodies', () => {
  it.each([
    ['unbalanced brackets', 'mode=payment&line_items[0=x'],
    ['a bracket in the wrong place', 'mode]=payment'],
    ['a scalar then a hash under one name', 'metadata=x&metadata[a]=b'],
    ['a hash then a scalar under one name', 'metadata[a]=b&metadata=x'],
  ])('%s → 400 invalid_request_error', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.json.error?.type).toBe('invalid_request_error');
    await stillServing();
  });

  it('treats broken percent-encoding as text, not a crash', async () => {
    const response = await post('mode=%E0%A4%A&foo=%');
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toMatch(/^parameter_/);
    await stillServing();
  });

  it('refuses JSON bodies with a message saying the API is form-encoded', async () => {
    const response = await post('{"mode":"payment"}', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.json.error?.message).toMatch(/form-encoded/);
  });

  it('refuses a __proto__ parameter as unknown without polluting anything', async () => {
    const response = await post('__proto__[polluted]=yes&mode=payment');
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'parameter_unknown', param: '__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses bodies over 1 MB with 413 and keeps serving', async () => {
    const response = await post(`mode=payment&metadata[a]=${'x'.repeat(1024 * 1024)}`);
    expect(response.status).toBe(413);
    expect(response.json.error?.type).toBe('invalid_request_error');
    await stillServing();
  });

  it('refuses absurdly deep nesting and too many parameters', async () => {
    const deep = await post(`mode=payment&a${'[b]'.repeat(20)}=1`);
    expect(deep.status).toBe(400);
    const many = await post(Array.from({ length: 6000 }, (_, i) => `metadata[k${i}]=v`).join('&'));
    expect(many.status).toBe(400);
    await stillServing();
  });
});

describe('wrong types', () => {
  it.each([
    [
      'an integer',
      'line_items[0][quantity]=two',
      'line_items[0][quantity]',
      'Invalid integer: two',
    ],
    [
      'a boolean',
      'adaptive_pricing[enabled]=yes',
      'adaptive_pricing[enabled]',
      'Invalid boolean: yes',
    ],
    ['an array', 'line_items=one', 'line_items', 'Invalid array'],
    ['a hash', 'payment_intent_data=one', 'payment_intent_data', 'Invalid hash'],
    [
      'a string',
      'client_reference_id[a]=b',
      'client_reference_id',
      'Invalid string: client_reference_id',
    ],
  ])('%s', async (_kind, body, param, message) => {
    const response = await post(`mode=payment&${body}`);
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ type: 'invalid_request_error', param, message });
  });

  it('refuses an integer too large to be exact', async () => {
    const response = await post('mode=payment&expires_at=99999999999999999999');
    expect(response.json.error).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'expires_at',
    });
  });
});

describe('unknown ids and URLs', () => {
  it('answers 404 resource_missing for unknown ids of every type', async () => {
    const cases: [Promise<unknown>, string][] = [
      [
        stripe.checkout.sessions.retrieve('cs_test_nope'),
        "No such checkout.session: 'cs_test_nope'",
      ],
      [stripe.paymentIntents.retrieve('pi_nope'), "No such payment_intent: 'pi_nope'"],
      [stripe.charges.retrieve('ch_nope'), "No such charge: 'ch_nope'"],
      [stripe.refunds.retrieve('re_nope'), "No such refund: 're_nope'"],
      [stripe.disputes.retrieve('du_nope'), "No such dispute: 'du_nope'"],
      [stripe.events.retrieve('evt_nope'), "No such event: 'evt_nope'"],
    ];
    for (const [promise, message] of cases) {
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', message });
    }
  });

  it('answers unknown URLs as Stripe does', async () => {
    const response = await raw(emu, '/v1/customers');
    expect(response.status).toBe(404);
    expect(response.json.error?.message).toMatch(
      /^Unrecognized request URL \(GET: \/v1\/customers\)/,
    );
    const wrongMethod = await raw(emu, '/v1/checkout/sessions', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
    const outside = await raw(emu, '/nothing-here');
    expect(outside.status).toBe(404);
  });

  it('survives a garbage request line and keeps serving', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(emu.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });
});

describe('the dashboard page', () => {
  it('lists sessions, payments and deliveries for a person, escaping what clients sent', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { metadata: { note: '<script>' } }),
    );
    emu.control.paySession(session.id);
    const page = await raw(emu, '/', { key: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(session.id);
    expect(page.text).toContain('Checkout sessions');
    expect(page.text).toContain('Webhook deliveries');
    expect(page.text).not.toContain('<script>');
  });
});
