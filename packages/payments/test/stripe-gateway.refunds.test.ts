/** Refunds of a paid checkout through stripe-node against the emulator. */
import type { RunningEmulator } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutInput, gatewayFor, startTestEmulator } from './emulator';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());

/** A checkout paid with the success card; its payment intent id. */
async function paidPayment(amount = 5000): Promise<{ paymentId: string; paymentIntentId: string }> {
  const input = checkoutInput(emu, { amount });
  const { id } = await gatewayFor(emu).createCheckoutSession(input);
  const paid = emu.control.paySession(id);
  return { paymentId: input.paymentId, paymentIntentId: paid.paymentIntent.id };
}

describe('refund', () => {
  it('refunds the whole payment when no amount is given', async () => {
    const { paymentId, paymentIntentId } = await paidPayment();
    const refund = await gatewayFor(emu).refund({
      paymentIntentId,
      idempotencyKey: `refund:${paymentId}:1`,
      metadata: { payment_id: paymentId },
    });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 5000, currency: 'usd' });
    expect(refund.id).toMatch(/^re_/);
    expect(emu.control.object(refund.id)).toMatchObject({
      payment_intent: paymentIntentId,
      metadata: { payment_id: paymentId },
    });
  });

  it('refunds part, then the rest', async () => {
    const { paymentId, paymentIntentId } = await paidPayment();
    const gateway = gatewayFor(emu);
    const part = await gateway.refund({
      paymentIntentId,
      amount: 2000,
      reason: 'requested_by_customer',
      idempotencyKey: `refund:${paymentId}:1`,
      metadata: { payment_id: paymentId },
    });
    expect(part).toMatchObject({ status: 'succeeded', amount: 2000 });
    const rest = await gateway.refund({
      paymentIntentId,
      idempotencyKey: `refund:${paymentId}:2`,
      metadata: {},
    });
    expect(rest).toMatchObject({ status: 'succeeded', amount: 3000 });
    expect(emu.control.object(part.id)).toMatchObject({ reason: 'requested_by_customer' });
  });

  it('refunds once when the same request is retried with its idempotency key', async () => {
    const { paymentId, paymentIntentId } = await paidPayment();
    const request = {
      paymentIntentId,
      amount: 1000,
      idempotencyKey: `refund:${paymentId}:1`,
      metadata: {},
    };
    const first = await gatewayFor(emu).refund(request);
    const retried = await gatewayFor(emu).refund(request);
    expect(retried.id).toBe(first.id);
    expect(
      emu.control.objects('test').refunds.filter((r) => r.payment_intent === paymentIntentId),
    ).toHaveLength(1);
  });

  it("translates Stripe's refusal to refund more than was paid", async () => {
    const { paymentId, paymentIntentId } = await paidPayment();
    const tooMuch = gatewayFor(emu).refund({
      paymentIntentId,
      amount: 5001,
      idempotencyKey: `refund:${paymentId}:x`,
      metadata: {},
    });
    await expect(tooMuch).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('refuses locally a refund without an idempotency key or with a non-positive amount', async () => {
    const { paymentIntentId } = await paidPayment();
    const gateway = gatewayFor(emu);
    await expect(
      gateway.refund({ paymentIntentId, idempotencyKey: '', metadata: {} }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      gateway.refund({ paymentIntentId, amount: -1, idempotencyKey: 'k', metadata: {} }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
