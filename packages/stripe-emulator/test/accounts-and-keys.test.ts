/**
 * Several accounts, key rolls and revocations, and restricted keys refused before any lookup,
 * through stripe-node as the product would meet them.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ControlCallError,
  createControlClient,
  DEFAULT_ACCOUNT_ID,
  DEMO_KEYS,
  type CreatedAccount,
  type RunningEmulator,
} from '../src/index';
import {
  rejection,
  sessionParams,
  startReceiver,
  startTestEmulator,
  stripeFor,
  type Receiver,
} from './helpers';

let emu: RunningEmulator;
let a: Stripe; // the default account, through the demo key
let other: CreatedAccount;
let b: Stripe;

beforeAll(async () => {
  ({ emu, stripe: a } = await startTestEmulator());
  other = emu.control.createAccount();
  b = stripeFor(emu, other.secretKey);
});
afterAll(() => emu.stop());

const missing = async (promise: Promise<unknown>, message: string) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(error.statusCode).toBe(404);
  expect(error.code).toBe('resource_missing');
  expect(error.message).toBe(message);
};

describe('accounts', () => {
  it('are made with a secret and a publishable key of the mode asked for', () => {
    expect(other.accountId).toMatch(/^acct_1[A-Za-z0-9]{15}$/);
    expect(other.accountId).not.toBe(DEFAULT_ACCOUNT_ID);
    expect(other.secretKey).toMatch(/^sk_test_/);
    expect(other.publishableKey).toMatch(/^pk_test_/);
    const live = emu.control.createAccount({ mode: 'live' });
    expect(live.secretKey).toMatch(/^sk_live_/);
    expect(live.publishableKey).toMatch(/^pk_live_/);
  });

  it("never show one account's session to another account's key", async () => {
    const session = await a.checkout.sessions.create(sessionParams(emu));
    const noSuch = `No such checkout.session: '${session.id}'`;
    await missing(b.checkout.sessions.retrieve(session.id), noSuch);
    await missing(b.checkout.sessions.expire(session.id), noSuch);
    await missing(b.checkout.sessions.listLineItems(session.id), noSuch);
    expect((await b.checkout.sessions.list({ limit: 100 })).data.map((s) => s.id)).not.toContain(
      session.id,
    );
    // Nothing changed: the owner still sees it open.
    expect((await a.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('keep payments, refunds and events to the account whose session was paid', async () => {
    const mine = await b.checkout.sessions.create(sessionParams(emu));
    const theirs = await a.checkout.sessions.create(sessionParams(emu));
    const paid = emu.control.paySession(theirs.id);
    const pi = paid.paymentIntent.id;
    const charge = paid.paymentIntent.latest_charge as string;
    await missing(b.paymentIntents.retrieve(pi), `No such payment_intent: '${pi}'`);
    await missing(b.charges.retrieve(charge), `No such charge: '${charge}'`);
    await missing(b.refunds.create({ payment_intent: pi }), `No such payment_intent: '${pi}'`);
    await missing(b.refunds.create({ charge }), `No such charge: '${charge}'`);
    expect(emu.control.objects().refunds).toHaveLength(0);
    expect((await b.paymentIntents.list({ limit: 100 })).data.map((p) => p.id)).not.toContain(pi);
    expect((await b.charges.list({ limit: 100 })).data).toEqual([]);
    const events = emu.control.events({ type: 'payment_intent.succeeded' });
    const event = events.find((e) => (e.data.object as Stripe.PaymentIntent).id === pi);
    if (!event) throw new Error('no payment_intent.succeeded');
    await missing(b.events.retrieve(event.id), `No such event: '${event.id}'`);
    expect((await b.events.list({ limit: 100 })).data).toEqual([]);
    // The owner sees all of it.
    expect((await a.events.retrieve(event.id)).id).toBe(event.id);
    const refund = await a.refunds.create({ payment_intent: pi });
    await missing(b.refunds.retrieve(refund.id), `No such refund: '${refund.id}'`);
    expect((await b.checkout.sessions.list()).data.map((s) => s.id)).toEqual([mine.id]);
  });

  it('scope idempotency keys per account', async () => {
    const params = sessionParams(emu);
    const first = await a.checkout.sessions.create(params, { idempotencyKey: 'same-key' });
    const second = await b.checkout.sessions.create(params, { idempotencyKey: 'same-key' });
    expect(second.id).not.toBe(first.id);
  });

  it("send an account's events only to that account's endpoints", async () => {
    const receivers: Receiver[] = [await startReceiver(), await startReceiver()];
    const [defaultReceiver, otherReceiver] = receivers as [Receiver, Receiver];
    try {
      const toDefault = emu.control.addWebhookEndpoint({
        url: defaultReceiver.url,
        secret: DEMO_KEYS.webhookSigningSecret,
      });
      const toOther = emu.control.addWebhookEndpoint({
        url: otherReceiver.url,
        secret: 'whsec_other',
        account: other.accountId,
      });
      expect(toDefault.account).toBe(DEFAULT_ACCOUNT_ID);
      expect(toOther.account).toBe(other.accountId);
      const mine = await b.checkout.sessions.create(sessionParams(emu));
      emu.control.paySession(mine.id);
      await emu.control.waitForDeliveries();
      expect(otherReceiver.types()).toContain('checkout.session.completed');
      expect(defaultReceiver.received).toHaveLength(0);
      const theirs = await a.checkout.sessions.create(sessionParams(emu));
      emu.control.paySession(theirs.id);
      await emu.control.waitForDeliveries();
      expect(defaultReceiver.types()).toContain('checkout.session.completed');
      expect(otherReceiver.received.map((r) => r.event.data.object)).not.toContainEqual(
        expect.objectContaining({ id: theirs.id }),
      );
      emu.control.removeWebhookEndpoint(toDefault.id);
      emu.control.removeWebhookEndpoint(toOther.id);
    } finally {
      for (const r of receivers) await r.close();
    }
  });

  it("refuse another account's session to a publishable key in embedded checkout", async () => {
    const session = await a.checkout.sessions.create(sessionParams(emu));
    const init = (key: string) =>
      fetch(`${emu.url}/checkout/embedded/api/init`, {
        method: 'POST',
        body: new URLSearchParams({ key, client_secret: session.client_secret ?? '' }),
      });
    const refused = await init(other.publishableKey);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: expect.stringMatching(
          /^The client_secret provided does not match any associated Checkout Session on this account\./,
        ),
      },
    });
    expect((await init(DEMO_KEYS.publishableKey)).status).toBe(200);
  });
});

describe('rolling and revoking keys', () => {
  it('a rolled key gets 401 "Expired API Key provided", its replacement works on the same account', async () => {
    const account = emu.control.createAccount();
    const old = stripeFor(emu, account.secretKey);
    const session = await old.checkout.sessions.create(sessionParams(emu));
    const next = emu.control.rollKey(account.secretKey);
    expect(next).toMatch(/^sk_test_/);
    const error = await rejection(old.checkout.sessions.retrieve(session.id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('api_key_expired');
    expect(error.message).toBe(
      `Expired API Key provided: sk_test_${'*'.repeat(account.secretKey.length - 12)}${account.secretKey.slice(-4)}`,
    );
    expect((await stripeFor(emu, next).checkout.sessions.retrieve(session.id)).id).toBe(session.id);
  });

  it('a revoked key gets 401 "Invalid API Key provided"', async () => {
    const account = emu.control.createAccount();
    emu.control.revokeKey(account.secretKey);
    const error = await rejection(stripeFor(emu, account.secretKey).checkout.sessions.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/^Invalid API Key provided: sk_test_\*+/);
  });

  it('a rolled restricted key keeps its rights', async () => {
    const rk = emu.control.createRestrictedKey(other.accountId, ['checkout_session_read']);
    const next = emu.control.rollKey(rk);
    expect(next).toMatch(/^rk_test_/);
    expect((await stripeFor(emu, next).checkout.sessions.list()).object).toBe('list');
    const error = await rejection(
      stripeFor(emu, next).checkout.sessions.create(sessionParams(emu)),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });
});

describe('restricted keys refuse a missing right before looking anything up', () => {
  const forbidden = async (promise: Promise<unknown>, right: string, account: string) => {
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(error.statusCode).toBe(403);
    expect(error.rawType).toBe('invalid_request_error');
    expect(error.message).toMatch(
      new RegExp(
        `^The provided key 'rk_test_\\*+.{4}' does not have the required permissions for this endpoint on account '${account}'\\. Having the 'rak_${right}' permission would allow this request to continue\\.$`,
      ),
    );
  };

  it('expiring a session that does not exist: 403 without the right, 404 with it', async () => {
    const id = 'cs_test_a1doesNotExist000000000000000000000000000000000000000';
    const reader = emu.control.createRestrictedKey(other.accountId, ['checkout_session_read']);
    const writer = emu.control.createRestrictedKey(other.accountId, ['checkout_session_write']);
    await forbidden(
      stripeFor(emu, reader).checkout.sessions.expire(id),
      'checkout_session_write',
      other.accountId,
    );
    await missing(
      stripeFor(emu, writer).checkout.sessions.expire(id),
      `No such checkout.session: '${id}'`,
    );
  });

  it('refunding a payment intent that does not exist: 403 without refund_write, 404 with it', async () => {
    const id = 'pi_nonexistent';
    const reader = emu.control.createRestrictedKey(other.accountId, ['refund_read']);
    const writer = emu.control.createRestrictedKey(other.accountId, ['refund_write']);
    await forbidden(
      stripeFor(emu, reader).refunds.create({ payment_intent: id }),
      'refund_write',
      other.accountId,
    );
    await missing(
      stripeFor(emu, writer).refunds.create({ payment_intent: id }),
      `No such payment_intent: '${id}'`,
    );
  });

  it('listing payment intents: 403 without payment_intent_read', async () => {
    const none = emu.control.createRestrictedKey(DEFAULT_ACCOUNT_ID, ['charge_read']);
    await forbidden(
      stripeFor(emu, none).paymentIntents.list(),
      'payment_intent_read',
      DEFAULT_ACCOUNT_ID,
    );
    const reader = emu.control.createRestrictedKey(DEFAULT_ACCOUNT_ID, ['payment_intent_read']);
    expect((await stripeFor(emu, reader).paymentIntents.list()).object).toBe('list');
  });
});

describe('over HTTP', () => {
  it('creates accounts and keys, rolls and revokes them, and refuses unknown ones', async () => {
    const client = createControlClient(emu.url);
    const account = await client.createAccount({ mode: 'live' });
    expect(account.secretKey).toMatch(/^sk_live_/);
    const rk = await client.createRestrictedKey(account.accountId, ['event_read']);
    expect(rk).toMatch(/^rk_live_/);
    expect((await stripeFor(emu, rk).events.list()).object).toBe('list');
    const next = await client.rollKey(account.secretKey);
    expect((await stripeFor(emu, next).checkout.sessions.list()).object).toBe('list');
    await client.revokeKey(next);
    expect(await rejection(stripeFor(emu, next).checkout.sessions.list())).toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    const unknownAccount = await client
      .createRestrictedKey('acct_1nope', ['event_read'])
      .catch((e: unknown) => e);
    expect(unknownAccount).toBeInstanceOf(ControlCallError);
    expect((unknownAccount as ControlCallError).status).toBe(404);
    const badRight = await client
      .createRestrictedKey(account.accountId, ['everything' as never])
      .catch((e: unknown) => e);
    expect((badRight as ControlCallError).status).toBe(400);
    const unknownKey = await client.rollKey('sk_test_unknown').catch((e: unknown) => e);
    expect((unknownKey as ControlCallError).status).toBe(404);
  });
});
