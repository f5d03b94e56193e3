/**
 * The emulator's signed deliveries, verified and mapped by parseWebhook behind a real HTTP
 * receiver: what a Stripe-like sender emits for a whole payment, this package understands.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_KEYS, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhook, type ParsedWebhook } from '../src/webhooks/parse-webhook';
import { checkoutInput, gatewayFor, startTestEmulator } from './emulator';

let emu: RunningEmulator;
let receiver: Server;
const received: ParsedWebhook[] = [];

/** A stand-in for the API's webhook route: raw body, signature first, 400 on refusal. */
function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const header = req.headers['stripe-signature'];
        received.push(
          parseWebhook(Buffer.concat(chunks), typeof header === 'string' ? header : undefined, {
            test: DEMO_KEYS.webhookSigningSecret,
          }),
        );
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  return new Promise((resolve) => {
    receiver.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`);
    });
  });
}

beforeAll(async () => {
  // Real-time signatures: parseWebhook checks them against the real clock here.
  emu = await startTestEmulator({ signatureClock: 'real' });
  emu.control.addWebhookEndpoint({
    url: await startReceiver(),
    secret: DEMO_KEYS.webhookSigningSecret,
  });
});
afterAll(async () => {
  await emu.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const effectsOf = (type: string) =>
  received.filter((r) => r.event.type === type).map((r) => r.effect);

describe('webhooks from the emulator', () => {
  it('maps a paid checkout to payment_succeeded for our payment, from the session and the intent', async () => {
    const input = checkoutInput(emu);
    const { id } = await gatewayFor(emu).createCheckoutSession(input);
    const paid = emu.control.paySession(id);
    if (paid.status !== 'succeeded') throw new Error(`The success card was ${paid.status}`);
    await emu.control.waitForDeliveries(10_000);

    expect(emu.control.deliveries().every((d) => d.attempts.at(-1)?.status === 200)).toBe(true);
    const expected = {
      kind: 'payment_succeeded',
      paymentId: input.paymentId,
      paymentIntentId: paid.paymentIntent.id,
      amount: 5000,
      currency: 'usd',
    };
    expect(effectsOf('checkout.session.completed')).toEqual([
      expect.objectContaining({ ...expected, checkoutSessionId: id }),
    ]);
    expect(effectsOf('payment_intent.succeeded')).toEqual([
      expect.objectContaining({ ...expected, chargeId: paid.charge.id }),
    ]);
    expect(received.every((r) => r.matchedMode === 'test' && !r.event.livemode)).toBe(true);
  });

  it('maps a decline, a refund and an expiry', async () => {
    const gateway = gatewayFor(emu);
    const declined = checkoutInput(emu);
    const declinedSession = await gateway.createCheckoutSession(declined);
    emu.control.declineSession(declinedSession.id, 'insufficient_funds');

    const paid = checkoutInput(emu);
    const paidSession = await gateway.createCheckoutSession(paid);
    const { paymentIntent } = emu.control.paySession(paidSession.id);
    await gateway.refund({
      paymentIntentId: paymentIntent.id,
      amount: 1000,
      idempotencyKey: `refund:${paid.paymentId}`,
      metadata: {},
    });
    await gateway.expireCheckoutSession(declinedSession.id);
    await emu.control.waitForDeliveries(10_000);

    expect(effectsOf('payment_intent.payment_failed')).toContainEqual(
      expect.objectContaining({
        kind: 'payment_failed',
        paymentId: declined.paymentId,
        failureCode: 'insufficient_funds',
      }),
    );
    expect(effectsOf('charge.refunded')).toContainEqual(
      expect.objectContaining({
        kind: 'charge_refunded',
        paymentIntentId: paymentIntent.id,
        amount: 5000,
        amountRefunded: 1000,
      }),
    );
    expect(effectsOf('refund.created')).toContainEqual(
      expect.objectContaining({
        kind: 'refund_updated',
        paymentIntentId: paymentIntent.id,
        amount: 1000,
      }),
    );
    expect(effectsOf('checkout.session.expired')).toContainEqual({
      kind: 'checkout_expired',
      paymentId: declined.paymentId,
      checkoutSessionId: declinedSession.id,
    });
  });
});
