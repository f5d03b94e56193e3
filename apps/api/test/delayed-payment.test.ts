import { DEMO_KEYS } from '@clinicpay/stripe-emulator';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { useTestStack } from './support/test-stack.js';
import { insertPendingStripePayment } from './support/payment-fixture.js';
import { sweep } from './support/sweep.js';

// Webhooks off: the sweeper alone meets a checkout that completed without the money.
const stack = useTestStack({ webhooks: false });

const db = () => stack.api.db;
const HOUR = 3600;

/**
 * A held booking whose checkout the patient completed with a delayed method (a bank debit) that
 * Stripe has not decided yet. Clinicpay asks for cards only, so the session is made as an older
 * version made it, without that restriction, and the booking pointed at it.
 */
async function bookingAwaitingBankDebit() {
  const fixture = await insertPendingStripePayment(db(), { now: stack.api.runtime.clock.now() });
  const stripe = new Stripe(DEMO_KEYS.secretKey, {
    host: '127.0.0.1',
    port: stack.stripe.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const metadata = { payment_id: fixture.paymentId };
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'embedded_page',
    return_url: 'http://localhost:5173/return?session_id={CHECKOUT_SESSION_ID}',
    metadata,
    payment_intent_data: { metadata },
    line_items: [
      {
        quantity: 1,
        price_data: { currency: 'usd', unit_amount: 6000, product_data: { name: 'Appointment' } },
      },
    ],
  });
  await db()
    .updateTable('payments')
    .set({ checkout_session_id: session.id })
    .where('id', '=', fixture.paymentId)
    .execute();
  // Undecided for far longer than this test looks.
  stack.stripe.control.paySessionDelayed(session.id, {
    outcome: 'succeed',
    delaySeconds: 3 * 365 * 24 * HOUR,
  });
  return { ...fixture, sessionId: session.id };
}

const booking = (appointmentId: string) =>
  db()
    .selectFrom('appointments')
    .innerJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.status',
      'appointments.cancel_reason',
      'appointments.hold_expires_at',
      'appointments.starts_at',
      'payments.status as payment',
    ])
    .where('appointments.id', '=', appointmentId)
    .executeTakeFirstOrThrow();

const stripeCallsAbout = (sessionId: string) =>
  stack.stripe.control.requests().filter((r) => r.path.includes(sessionId)).length;

describe('a checkout that completed unpaid (a delayed payment method)', () => {
  it('is held until the appointment starts, and Stripe is not asked again on every sweep', async () => {
    const { appointmentId, sessionId } = await bookingAwaitingBankDebit();
    stack.advance(36 * 60); // past the usual hold
    const first = await sweep(stack.api.runtime, 24 * 3600_000);
    expect(first.holdsReleased).toBe(0);
    const held = await booking(appointmentId);
    expect(held).toMatchObject({ status: 'pending_payment', payment: 'pending' });
    expect(held.hold_expires_at).toEqual(held.starts_at);

    // The next sweeps (reconciliation included) leave it to Stripe's async event.
    const calls = stripeCallsAbout(sessionId);
    await sweep(stack.api.runtime, 60_000);
    stack.advance(60);
    await sweep(stack.api.runtime, 60_000);
    expect(stripeCallsAbout(sessionId)).toBe(calls);

    // An hour on, reconciliation looks once (a missed async event is still caught).
    stack.advance(HOUR);
    await sweep(stack.api.runtime, 60_000);
    expect(stripeCallsAbout(sessionId)).toBe(calls + 1);
    expect((await booking(appointmentId)).status).toBe('pending_payment');
  });

  it('releases the time when the appointment starts with the payment still undecided', async () => {
    const { appointmentId } = await bookingAwaitingBankDebit();
    stack.advance(36 * 60);
    await sweep(stack.api.runtime, 24 * 3600_000);
    const { starts_at } = await booking(appointmentId);
    const untilStart = Math.ceil(
      (starts_at.getTime() - stack.api.runtime.clock.now().getTime()) / 1000,
    );
    stack.advance(untilStart + 60);
    const result = await sweep(stack.api.runtime, 24 * 3600_000);
    expect(result.holdsReleased).toBeGreaterThanOrEqual(1);
    expect(await booking(appointmentId)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'payment_not_settled',
      payment: 'expired',
    });
  });
});
