/** What parseWebhook refuses before believing anything, and which mode's secret it matched. */
import { stripeEvent } from '@clinicpay/stripe-emulator/builders';
import { describe, expect, it } from 'vitest';
import { checkoutSession } from '../../test/clinicpay-payment';
import { LIVE_SECRET, signed, signedBody, TEST_SECRET } from '../../test/signed-webhook';
import { parseWebhook } from './parse-webhook';
import { WebhookSignatureError, type WebhookSignatureReason } from './webhook-errors';

const NOW = new Date('2026-11-20T10:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const BOTH = { test: TEST_SECRET, live: LIVE_SECRET };

const completed = (livemode = false) =>
  stripeEvent('checkout.session.completed', checkoutSession({ livemode }), { livemode });

function refusal(run: () => unknown): WebhookSignatureReason {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
  throw new Error('parseWebhook accepted the request');
}

describe('parseWebhook accepts', () => {
  it('a Buffer body as the raw request gives it, and reports the event', () => {
    const event = completed();
    const { body, header } = signed(event, { timestamp: NOW_S });
    const parsed = parseWebhook(Buffer.from(body), header, BOTH, { now: NOW });
    expect(parsed.event).toEqual({
      id: event.id,
      type: 'checkout.session.completed',
      livemode: false,
      created: new Date(event.created * 1000),
      apiVersion: '2026-10-28.endive',
    });
    expect(parsed.matchedMode).toBe('test');
  });

  it('a live event signed with the live secret, reporting livemode and the live match', () => {
    const { body, header } = signed(completed(true), { secret: LIVE_SECRET, timestamp: NOW_S });
    const parsed = parseWebhook(body, header, BOTH, { now: NOW });
    expect(parsed.event.livemode).toBe(true);
    expect(parsed.matchedMode).toBe('live');
  });

  it('test events when only the test secret is saved, and live events when only the live one is', () => {
    const test = signed(completed(), { timestamp: NOW_S });
    expect(
      parseWebhook(test.body, test.header, { test: TEST_SECRET }, { now: NOW }).matchedMode,
    ).toBe('test');
    const live = signed(completed(true), { secret: LIVE_SECRET, timestamp: NOW_S });
    expect(
      parseWebhook(live.body, live.header, { live: LIVE_SECRET, test: null }, { now: NOW })
        .matchedMode,
    ).toBe('live');
  });

  it("reports the mode whose secret matched even when it is not the event's own (a secret saved under the wrong mode)", () => {
    const { body, header } = signed(completed(true), { secret: TEST_SECRET, timestamp: NOW_S });
    const parsed = parseWebhook(body, header, BOTH, { now: NOW });
    expect(parsed).toMatchObject({ matchedMode: 'test', event: { livemode: true } });
  });

  it("prefers the event's own mode when the same secret is saved for both", () => {
    const { body, header } = signed(completed(true), { secret: TEST_SECRET, timestamp: NOW_S });
    expect(
      parseWebhook(body, header, { test: TEST_SECRET, live: TEST_SECRET }, { now: NOW })
        .matchedMode,
    ).toBe('live');
  });

  it('a signature just inside the 300 s tolerance, either side (clock skew)', () => {
    for (const timestamp of [NOW_S - 300, NOW_S + 300]) {
      const { body, header } = signed(completed(), { timestamp });
      expect(parseWebhook(body, header, BOTH, { now: NOW }).effect?.kind).toBe('payment_succeeded');
    }
  });
});

describe('parseWebhook refuses', () => {
  it('a request without a Stripe-Signature header', () => {
    const { body } = signed(completed());
    expect(refusal(() => parseWebhook(body, undefined, BOTH))).toBe('missing_header');
    expect(refusal(() => parseWebhook(body, '  ', BOTH))).toBe('missing_header');
  });

  it('anything while no signing secret is saved (never falls back to an unverified body)', () => {
    const { body, header } = signed(completed());
    expect(refusal(() => parseWebhook(body, header, {}))).toBe('no_secret_configured');
    expect(refusal(() => parseWebhook(body, header, { test: ' ', live: null }))).toBe(
      'no_secret_configured',
    );
  });

  it('a body signed with another secret', () => {
    const { body, header } = signed(completed(), {
      secret: 'whsec_someoneElsesEndpointSecret000000',
      timestamp: NOW_S,
    });
    expect(refusal(() => parseWebhook(body, header, BOTH, { now: NOW }))).toBe('bad_signature');
  });

  it('a live event when only the test secret is saved and the live one signed it', () => {
    const { body, header } = signed(completed(true), { secret: LIVE_SECRET, timestamp: NOW_S });
    expect(refusal(() => parseWebhook(body, header, { test: TEST_SECRET }, { now: NOW }))).toBe(
      'bad_signature',
    );
  });

  it('a body altered after signing (one amount digit)', () => {
    const { body, header } = signed(completed(), { timestamp: NOW_S });
    const altered = body.replace('"amount_total": 5000', '"amount_total": 5');
    expect(altered).not.toBe(body);
    expect(refusal(() => parseWebhook(altered, header, BOTH, { now: NOW }))).toBe('bad_signature');
  });

  it('a re-serialised body (the JSON was parsed and stringified by a framework)', () => {
    const { body, header } = signed(completed(), { timestamp: NOW_S });
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(refusal(() => parseWebhook(reserialised, header, BOTH, { now: NOW }))).toBe(
      'bad_signature',
    );
  });

  it('a signature older than the tolerance (a replay)', () => {
    const { body, header } = signed(completed(), { timestamp: NOW_S - 301 });
    expect(refusal(() => parseWebhook(body, header, BOTH, { now: NOW }))).toBe('stale_timestamp');
  });

  it('a signature dated too far ahead', () => {
    const { body, header } = signed(completed(), { timestamp: NOW_S + 301 });
    expect(refusal(() => parseWebhook(body, header, BOTH, { now: NOW }))).toBe('stale_timestamp');
  });

  it('honours a custom tolerance', () => {
    const { body, header } = signed(completed(), { timestamp: NOW_S - 100 });
    expect(
      refusal(() => parseWebhook(body, header, BOTH, { now: NOW, toleranceSeconds: 60 })),
    ).toBe('stale_timestamp');
  });

  it('a header with a second timestamp, which could show us a fresh one while signing with an old one', () => {
    const { body, header } = signed(completed(), { timestamp: NOW_S - 3600 });
    expect(refusal(() => parseWebhook(body, `t=${NOW_S},${header}`, BOTH, { now: NOW }))).toBe(
      'malformed',
    );
  });

  it('a header that is not a Stripe signature', () => {
    const { body } = signed(completed());
    expect(refusal(() => parseWebhook(body, 'sha256=abcdef', BOTH, { now: NOW }))).toBe(
      'malformed',
    );
    expect(refusal(() => parseWebhook(body, `t=${NOW_S}`, BOTH, { now: NOW }))).toBe('malformed');
  });

  it('a correctly signed body that is not JSON', () => {
    const { body, header } = signedBody('not json at all', { timestamp: NOW_S });
    expect(refusal(() => parseWebhook(body, header, BOTH, { now: NOW }))).toBe('malformed');
  });

  it('a correctly signed JSON body that is not a Stripe event', () => {
    const { body, header } = signed({ id: 'evt_1', object: 'event' }, { timestamp: NOW_S });
    expect(refusal(() => parseWebhook(body, header, BOTH, { now: NOW }))).toBe('malformed');
  });

  it('never puts the signing secret in its message', () => {
    const { body, header } = signed(completed(), {
      secret: 'whsec_someoneElsesEndpointSecret000000',
      timestamp: NOW_S,
    });
    try {
      parseWebhook(body, header, BOTH, { now: NOW });
    } catch (error) {
      expect(String(error)).not.toContain(TEST_SECRET.slice(6));
      expect(String(error)).not.toContain(LIVE_SECRET.slice(6));
    }
    expect.assertions(2);
  });
});
