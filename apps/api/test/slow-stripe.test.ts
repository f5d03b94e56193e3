// Stripe being slow must not slow what does not need it: a webhook is answered once its event is
// stored and applied (its follow-up calls to Stripe run after), and a patient's cancel holds no
// row lock while it waits for Stripe to expire the checkout.
import { sql } from '@clinicpay/db';
import { expect, it } from 'vitest';
import { createTestCaller, followUpsSettled } from '../src/testing.js';
import { book, freeSlots } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';
import { checkoutSessionOf } from './support/emulator-objects.js';

const STRIPE_DELAY_MS = 5000;
const stack = useTestStack();

const sessionOf = (reference: string) => checkoutSessionOf(stack, reference);

it('answers a decline at once while the session it cancels takes Stripe 5 s to expire', async () => {
  const slot = (await freeSlots(stack.api.runtime))[0]!;
  const booking = await book(stack.api.runtime, { startsAt: slot.startsAt });
  const session = sessionOf(booking.reference);
  stack.stripe.control.setApiLatency([
    { method: 'POST', path: '^/v1/checkout/sessions/[^/]+/expire$', delayMs: STRIPE_DELAY_MS },
  ]);
  try {
    stack.stripe.control.declineSession(session.id, 'card_declined');
    await stack.stripe.control.waitForDeliveries();
    const failed = stack.stripe.control
      .deliveries()
      .filter((d) => d.eventType === 'payment_intent.payment_failed');
    const answered = failed.at(-1)!.attempts.at(-1)!;
    expect(answered.status).toBe(200);
    // The decline cancelled the booking and was answered well before Stripe's expiry came back.
    expect(answered.durationMs).toBeLessThan(STRIPE_DELAY_MS / 2);
    expect(stack.stripe.control.object(session.id)).toMatchObject({ status: 'open' });
    await followUpsSettled();
    expect(stack.stripe.control.object(session.id)).toMatchObject({ status: 'expired' });
  } finally {
    stack.stripe.control.setApiLatency([]);
  }
});

it("holds no lock on the booking while a patient's cancel waits for Stripe", async () => {
  const slot = (await freeSlots(stack.api.runtime))[1]!;
  const booking = await book(stack.api.runtime, { startsAt: slot.startsAt });
  stack.stripe.control.setApiLatency([
    { method: 'POST', path: '^/v1/checkout/sessions/[^/]+/expire$', delayMs: STRIPE_DELAY_MS },
  ]);
  try {
    const cancelling = createTestCaller(stack.api.runtime).booking.cancel({
      reference: booking.reference,
      token: booking.token,
    });
    await new Promise((r) => setTimeout(r, 1000));
    // Another writer (a webhook, the sweeper) can take the booking's rows meanwhile.
    const locked = await stack.api.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '500ms'`.execute(trx);
      const rows = await sql<{ id: string }>`
        SELECT a.id FROM appointments a JOIN payments p ON p.appointment_id = a.id
        WHERE a.reference = ${booking.reference} FOR UPDATE`.execute(trx);
      return rows.rows.length;
    });
    expect(locked).toBe(1);
    expect(await cancelling).toMatchObject({
      status: 'cancelled',
      cancelReason: 'cancelled_by_patient',
    });
  } finally {
    stack.stripe.control.setApiLatency([]);
  }
});
