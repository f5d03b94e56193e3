/** Refund and list validation, checked as stripe-node reports it: class, status, code, param, message. */
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

describe('refund validation', () => {
  it('refuses a refund above what is left, then one of a fully refunded charge', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const paid = emu.control.paySession(session.id);
    const pi = paid.paymentIntent.id;
    await stripe.refunds.create({ payment_intent: pi, amount: 4000 });
    const tooMuch = await rejection(stripe.refunds.create({ payment_intent: pi, amount: 1001 }));
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
      message: 'Refund amount ($10.01) is greater than unrefunded amount on charge ($10.00)',
    });
    await stripe.refunds.create({ payment_intent: pi });
    const again = await rejection(stripe.refunds.create({ payment_intent: pi }));
    expect(again.code).toBe('charge_already_refunded');
  });

  it('needs a charge or a payment intent, and a valid reason', async () => {
    expect((await rejection(stripe.refunds.create({}))).code).toBe('parameter_missing');
    const reason = await rejection(
      stripe.refunds.create({ payment_intent: 'pi_x', reason: 'changed_mind' as never }),
    );
    expect(reason).toMatchObject({
      param: 'reason',
      message: 'Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer',
    });
    const missing = await rejection(stripe.refunds.create({ payment_intent: 'pi_missing' }));
    expect(missing).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'payment_intent',
      message: "No such payment_intent: 'pi_missing'",
    });
  });

  it('refuses to refund an intent that has not succeeded', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const declined = emu.control.declineSession(session.id);
    const error = await rejection(
      stripe.refunds.create({ payment_intent: declined.paymentIntent.id }),
    );
    expect(error.message).toBe(
      `This PaymentIntent (${declined.paymentIntent.id}) does not have a successful charge to refund.`,
    );
  });
});

describe('lists', () => {
  it('paginates newest first with starting_after and limit bounds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await stripe.checkout.sessions.create(sessionParams(emu))).id);
    const first = await stripe.checkout.sessions.list({ limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const next = await stripe.checkout.sessions.list({ limit: 2, starting_after: ids[1] });
    expect(next.data[0]?.id).toBe(ids[0]);
    const bad = await rejection(stripe.checkout.sessions.list({ limit: 101 }));
    expect(bad).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'limit',
      message: 'This value must be less than or equal to 100.',
    });
    const cursor = await rejection(
      stripe.checkout.sessions.list({ starting_after: 'cs_test_nope' }),
    );
    expect(cursor).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });

  it('refuses to expand what cannot be expanded', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const error = await rejection(
      stripe.checkout.sessions.retrieve(session.id, { expand: ['nonsense'] }),
    );
    expect(error).toMatchObject({
      param: 'expand',
      message: 'This property cannot be expanded (nonsense).',
    });
  });
});
