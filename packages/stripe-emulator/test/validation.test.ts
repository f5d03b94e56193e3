/** Every validation error, checked as stripe-node reports it: class, status, code, param, message. */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { rejection, sessionParams, startTestEmulator } from './helpers';

let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await startTestEmulator());
});
afterAll(() => emu.stop());

type Params = Stripe.Checkout.SessionCreateParams;
const item = (
  currency: string,
  unit_amount: number,
  quantity = 1,
): Stripe.Checkout.SessionCreateParams.LineItem => ({
  quantity,
  price_data: { currency, unit_amount, product_data: { name: 'Appointment' } },
});

async function createError(overrides: Partial<Params> | ((p: Params) => Params)) {
  const base = sessionParams(emu);
  const params = typeof overrides === 'function' ? overrides(base) : { ...base, ...overrides };
  const error = await rejection(stripe.checkout.sessions.create(params));
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(error.statusCode).toBe(400);
  return { type: error.rawType, code: error.code, param: error.param, message: error.message };
}

describe('missing required parameters', () => {
  it.each([
    ['mode', (p: Params) => ({ ...p, mode: undefined })],
    ['line_items', (p: Params) => ({ ...p, line_items: undefined })],
    ['return_url', (p: Params) => ({ ...p, return_url: undefined })],
    [
      'line_items[0][quantity]',
      (p: Params) => ({ ...p, line_items: [{ price_data: item('usd', 5000).price_data }] }),
    ],
    [
      'line_items[0][price_data][currency]',
      (p: Params) => ({
        ...p,
        line_items: [
          { quantity: 1, price_data: { unit_amount: 5000, product_data: { name: 'x' } } as never },
        ],
      }),
    ],
    [
      'line_items[0][price_data][unit_amount]',
      (p: Params) => ({
        ...p,
        line_items: [{ quantity: 1, price_data: { currency: 'usd', product_data: { name: 'x' } } }],
      }),
    ],
    // stripe-node sends nothing for an empty object, so `product_data: {}` is a missing product_data.
    [
      'line_items[0][price_data][product_data]',
      (p: Params) => ({
        ...p,
        line_items: [
          {
            quantity: 1,
            price_data: { currency: 'usd', unit_amount: 5000, product_data: {} as never },
          },
        ],
      }),
    ],
    [
      'line_items[0][price_data][product_data][name]',
      (p: Params) => ({
        ...p,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'usd',
              unit_amount: 5000,
              product_data: { description: 'x' } as never,
            },
          },
        ],
      }),
    ],
  ])('%s', async (param, change) => {
    expect(await createError(change)).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param,
      message: `Missing required param: ${param}.`,
    });
  });

  it('an empty string for a required parameter is parameter_invalid_empty', async () => {
    const error = await createError({ mode: '' as never });
    expect(error).toMatchObject({ code: 'parameter_invalid_empty', param: 'mode' });
  });
});

describe('ui_mode', () => {
  it.each(['embedded', 'custom', 'EMBEDDED_PAGE'])(
    'refuses %s, naming the values the API takes',
    async (uiMode) => {
      expect(await createError({ ui_mode: uiMode as never })).toEqual({
        type: 'invalid_request_error',
        code: undefined,
        param: 'ui_mode',
        message: 'Invalid ui_mode: must be one of elements, embedded_page, form, or hosted_page',
      });
    },
  );

  it('requires return_url to be a URL', async () => {
    for (const url of ['not a url', '/relative/path', 'javascript:alert(1)']) {
      expect(await createError({ return_url: url })).toMatchObject({
        code: 'url_invalid',
        param: 'return_url',
        message: 'Not a valid URL',
      });
    }
  });

  it('refuses success_url on an embedded session', async () => {
    expect(await createError({ success_url: 'https://clinic.example/ok' })).toMatchObject({
      param: 'success_url',
    });
  });

  it('allows no return_url when redirect_on_completion is never', async () => {
    const session = await stripe.checkout.sessions.create({
      ...sessionParams(emu),
      return_url: undefined,
      redirect_on_completion: 'never',
    });
    expect(session.redirect_on_completion).toBe('never');
  });
});

describe('currency and amount', () => {
  it('refuses an unknown currency', async () => {
    const error = await createError({ line_items: [item('xyz', 5000)] });
    expect(error).toMatchObject({ param: 'line_items[0][price_data][currency]' });
    expect(error.message).toMatch(
      /^Invalid currency: xyz\. Stripe currently supports these currencies: usd, aed, /,
    );
  });

  it.each([
    ['usd', 49, '$0.50 usd'],
    ['gbp', 29, '£0.30 gbp'],
    ['jpy', 49, '¥50 jpy'],
    ['huf', 17499, 'HUF\u00a0175.00 huf'],
  ])('refuses a total below the %s minimum', async (currency, amount, minimum) => {
    expect(await createError({ line_items: [item(currency, amount)] })).toEqual({
      type: 'invalid_request_error',
      code: 'amount_too_small',
      param: undefined,
      message: `The Checkout Session's total amount due must add up to at least ${minimum}`,
    });
  });

  it('accepts exactly the minimum, and sums quantities', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(emu, { line_items: [item('usd', 25, 2)] }),
    );
    expect(session.amount_total).toBe(50);
  });

  it('refuses a total above the 8-digit maximum', async () => {
    const error = await createError({ line_items: [item('usd', 50_000_000, 2)] });
    expect(error).toMatchObject({ code: 'amount_too_large' });
    expect(error.message).toBe(
      "The Checkout Session's total amount due must be no more than $999,999.99 usd",
    );
  });

  it('refuses a three-decimal amount not ending in 0', async () => {
    expect(await createError({ line_items: [item('kwd', 5125)] })).toMatchObject({
      code: 'invalid_charge_amount',
      param: 'line_items',
    });
    const ok = await stripe.checkout.sessions.create(
      sessionParams(emu, { line_items: [item('kwd', 5120)] }),
    );
    expect(ok.currency).toBe('kwd');
  });

  it('refuses line items in different currencies', async () => {
    expect(await createError({ line_items: [item('usd', 5000), item('eur', 5000)] })).toMatchObject(
      { param: 'line_items[1][price_data][currency]' },
    );
  });

  it('refuses a negative unit amount and a non-integer one', async () => {
    expect(await createError({ line_items: [item('usd', -1)] })).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'line_items[0][price_data][unit_amount]',
    });
    expect(await createError({ line_items: [item('usd', 12.5)] })).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      param: 'line_items[0][price_data][unit_amount]',
      message: 'Invalid integer: 12.5',
    });
  });
});

describe('expires_at', () => {
  it('refuses less than 30 minutes from creation', async () => {
    expect(await createError({ expires_at: emu.clock.now() + 29 * 60 })).toEqual({
      type: 'invalid_request_error',
      code: undefined,
      param: 'expires_at',
      message:
        'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
    });
  });

  it('refuses more than 24 hours from creation', async () => {
    expect(await createError({ expires_at: emu.clock.now() + 24 * 3600 + 60 })).toMatchObject({
      param: 'expires_at',
      message:
        'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
    });
  });

  it('accepts exactly 30 minutes and exactly 24 hours', async () => {
    for (const offset of [30 * 60 + 5, 24 * 3600 - 5]) {
      const now = emu.clock.now();
      const session = await stripe.checkout.sessions.create(
        sessionParams(emu, { expires_at: now + offset }),
      );
      expect(session.expires_at).toBe(now + offset);
    }
  });
});

describe('other parameters', () => {
  it('refuses unknown parameters, top-level and nested', async () => {
    expect(await createError((p) => ({ ...p, foo: 'bar' }) as Params)).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_unknown',
      param: 'foo',
      message: 'Received unknown parameter: foo',
    });
    expect(
      await createError({ payment_intent_data: { metadata: {}, bogus: 1 } as never }),
    ).toMatchObject({
      code: 'parameter_unknown',
      param: 'payment_intent_data[bogus]',
    });
  });

  it('refuses a malformed customer email', async () => {
    expect(await createError({ customer_email: 'not-an-email' })).toMatchObject({
      code: 'email_invalid',
      param: 'customer_email',
    });
  });

  it('refuses wrong shapes', async () => {
    expect(await createError({ metadata: 'flat' as never })).toMatchObject({
      param: 'metadata',
      message: 'Invalid hash',
    });
    expect(await createError({ line_items: 'one' as never })).toMatchObject({
      param: 'line_items',
      message: 'Invalid array',
    });
  });
});
