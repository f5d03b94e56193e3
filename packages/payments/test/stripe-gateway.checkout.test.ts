/** Checkout sessions through stripe-node against the emulator: what is sent, and what comes back. */
import { DEMO_KEYS, generateApiKey, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../src/gateway-errors';
import { checkoutInput, gatewayFor, startTestEmulator } from './emulator';

let emu: RunningEmulator;
const LIVE_KEY = generateApiKey('sk', 'live');

beforeAll(async () => {
  emu = await startTestEmulator({
    keys: [DEMO_KEYS.secretKey, DEMO_KEYS.publishableKey, LIVE_KEY],
  });
});
afterAll(() => emu.stop());

function recordedSession(id: string) {
  const record = emu.state.store('test').sessions.get(id);
  if (!record) throw new Error(`The emulator has no session ${id}`);
  return record;
}

describe('createCheckoutSession', () => {
  it('creates an embedded, payment-mode session and returns what the patient SPA mounts', async () => {
    const input = checkoutInput(emu);
    const created = await gatewayFor(emu).createCheckoutSession(input);
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.clientSecret).toBeTruthy();
    expect(created.livemode).toBe(false);
    expect(created.expiresAt.getTime()).toBe(Math.floor(input.expiresAt.getTime() / 1000) * 1000);
  });

  it('sends exactly the parameters Clinicpay means, with opaque ids only', async () => {
    const input = checkoutInput(emu, { customerEmail: 'patient@example.com' });
    const { id } = await gatewayFor(emu).createCheckoutSession(input);
    const { session, lineItems, paymentIntentData } = recordedSession(id);

    expect(session).toMatchObject({
      mode: 'payment',
      ui_mode: 'embedded_page',
      return_url: input.returnUrl,
      expires_at: Math.floor(input.expiresAt.getTime() / 1000),
      client_reference_id: input.paymentId,
      customer_email: 'patient@example.com',
      currency: 'usd',
      amount_total: 5000,
    });
    expect(session.metadata).toEqual({
      payment_id: input.paymentId,
      booking_reference: input.bookingReference,
    });
    expect(paymentIntentData.metadata).toEqual({
      payment_id: input.paymentId,
      booking_reference: input.bookingReference,
    });
    expect(lineItems).toHaveLength(1);
    expect(lineItems[0]).toMatchObject({
      description: 'Appointment at Sunrise Family Clinic',
      quantity: 1,
      amount_total: 5000,
      currency: 'usd',
    });
    expect(paymentIntentData.description).toBeNull();

    const idempotencyKeys = emu.control
      .requests()
      .filter((r) => r.path === '/v1/checkout/sessions' && r.method === 'POST')
      .map((r) => r.idempotencyKey);
    expect(idempotencyKeys).toContain(`checkout-session:${input.paymentId}`);
  });

  it('passes minor units through unconverted (zero- and three-decimal currencies)', async () => {
    const yen = await gatewayFor(emu).createCheckoutSession(
      checkoutInput(emu, { amount: 5000, currency: 'JPY' }),
    );
    expect(recordedSession(yen.id).session).toMatchObject({ amount_total: 5000, currency: 'jpy' });
    const dinar = await gatewayFor(emu).createCheckoutSession(
      checkoutInput(emu, { amount: 12_340, currency: 'kwd' }),
    );
    expect(recordedSession(dinar.id).session).toMatchObject({
      amount_total: 12_340,
      currency: 'kwd',
    });
  });

  it('returns the same session when the same payment is sent twice (a retried booking)', async () => {
    const input = checkoutInput(emu);
    const gateway = gatewayFor(emu);
    const first = await gateway.createCheckoutSession(input);
    const second = await gateway.createCheckoutSession(input);
    expect(second.id).toBe(first.id);
    const sessions = emu.control
      .objects('test')
      .checkoutSessions.filter((s) => s.metadata?.payment_id === input.paymentId);
    expect(sessions).toHaveLength(1);
  });

  it('refuses the same payment id with a different amount as an idempotency conflict', async () => {
    const input = checkoutInput(emu);
    await gatewayFor(emu).createCheckoutSession(input);
    const conflict = gatewayFor(emu).createCheckoutSession({ ...input, amount: 6000 });
    await expect(conflict).rejects.toMatchObject({ code: 'idempotency_conflict' });
  });

  it('makes a live session with a live key', async () => {
    const created = await gatewayFor(emu, LIVE_KEY).createCheckoutSession(checkoutInput(emu));
    expect(created).toMatchObject({ livemode: true });
    expect(created.id).toMatch(/^cs_live_/);
  });

  it("translates Stripe's refusal of a bad session (expiry under 30 minutes) into invalid_request", async () => {
    const soon = new Date((emu.clock.now() + 10 * 60) * 1000);
    const error: unknown = await gatewayFor(emu)
      .createCheckoutSession(checkoutInput(emu, { expiresAt: soon }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'invalid_request' });
    expect((error as GatewayError).stripeMessage).toContain('expires_at');
  });

  it('refuses locally what must never reach Stripe', async () => {
    const gateway = gatewayFor(emu);
    await expect(
      gateway.createCheckoutSession(checkoutInput(emu, { amount: 0 })),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      gateway.createCheckoutSession(checkoutInput(emu, { amount: 12.5 })),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      gateway.createCheckoutSession(
        checkoutInput(emu, { returnUrl: 'https://clinic.example/return' }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('retrieveCheckoutSession', () => {
  it('reads an open session', async () => {
    const input = checkoutInput(emu);
    const { id } = await gatewayFor(emu).createCheckoutSession(input);
    expect(await gatewayFor(emu).retrieveCheckoutSession(id)).toMatchObject({
      id,
      status: 'open',
      paymentStatus: 'unpaid',
      paymentId: input.paymentId,
      paymentIntentId: null,
      paymentIntent: null,
      amount: 5000,
      currency: 'usd',
      livemode: false,
    });
  });

  it('reads a paid session with its expanded payment intent and charge', async () => {
    const { id } = await gatewayFor(emu).createCheckoutSession(checkoutInput(emu));
    const paid = emu.control.paySession(id);
    const state = await gatewayFor(emu).retrieveCheckoutSession(id);
    expect(state).toMatchObject({
      status: 'complete',
      paymentStatus: 'paid',
      paymentIntentId: paid.paymentIntent.id,
    });
    expect(state.paymentIntent).toMatchObject({
      id: paid.paymentIntent.id,
      status: 'succeeded',
      lastPaymentError: null,
    });
    expect(state.paymentIntent?.latestChargeId).toMatch(/^ch_/);
  });

  it("reads a declined attempt's decline code", async () => {
    const { id } = await gatewayFor(emu).createCheckoutSession(checkoutInput(emu));
    emu.control.declineSession(id, 'insufficient_funds');
    const state = await gatewayFor(emu).retrieveCheckoutSession(id);
    expect(state).toMatchObject({ status: 'open', paymentStatus: 'unpaid' });
    expect(state.paymentIntent).toMatchObject({
      status: 'requires_payment_method',
      lastPaymentError: { code: 'insufficient_funds' },
    });
  });

  it('reports an unknown session as not_found', async () => {
    await expect(
      gatewayFor(emu).retrieveCheckoutSession('cs_test_doesNotExist'),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('retrieveEmbeddedCheckout', () => {
  it('reads a session with the client secret its card form mounts by', async () => {
    const created = await gatewayFor(emu).createCheckoutSession(checkoutInput(emu));
    const embedded = await gatewayFor(emu).retrieveEmbeddedCheckout(created.id);
    expect(embedded.clientSecret).toBe(created.clientSecret);
    expect(embedded.session).toMatchObject({
      id: created.id,
      status: 'open',
      paymentStatus: 'unpaid',
    });
    // The state others log and store carries no secret.
    expect(JSON.stringify(embedded.session)).not.toContain('_secret_');
  });
});

describe('expireCheckoutSession', () => {
  it('expires an open session, and a second expiry is fine', async () => {
    const { id } = await gatewayFor(emu).createCheckoutSession(checkoutInput(emu));
    const gateway = gatewayFor(emu);
    expect(await gateway.expireCheckoutSession(id)).toMatchObject({
      outcome: 'expired',
      session: { status: 'expired' },
    });
    expect(await gateway.expireCheckoutSession(id)).toMatchObject({
      outcome: 'expired',
      session: { status: 'expired' },
    });
  });

  it('reports a session the patient already paid as complete, not as an error', async () => {
    const { id } = await gatewayFor(emu).createCheckoutSession(checkoutInput(emu));
    emu.control.paySession(id);
    const result = await gatewayFor(emu).expireCheckoutSession(id);
    expect(result).toMatchObject({
      outcome: 'already_complete',
      session: { status: 'complete', paymentStatus: 'paid' },
    });
  });

  it('still fails for a session that does not exist', async () => {
    await expect(
      gatewayFor(emu).expireCheckoutSession('cs_test_doesNotExist'),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
