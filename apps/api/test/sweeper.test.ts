import { sql } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { insertBooking } from '../src/services/booking/booking-writes.js';
import { openRuntime } from '../src/bootstrap.js';
import { createTestCaller, forgetStripeSettings } from '../src/testing.js';
import { book, consultation, freeSlots, patient } from './support/booking.js';
import { insertPendingStripePayment } from './support/payment-fixture.js';
import { sweep } from './support/sweep.js';
import { RECONCILE_BATCH } from '../src/services/sweeper/reconcile-payments.js';
import { useTestStack } from './support/test-stack.js';
import { checkoutSessionOf, payByCard, eventAbout } from './support/emulator-objects.js';
import { storeUnprocessedEvent } from './support/stored-event.js';

// Webhooks off: everything here must reach its end state through the sweeper alone.
const stack = useTestStack({ webhooks: false });

const runtime = () => stack.api.runtime;
const status = (b: { reference: string; token: string }) =>
  stack.api.db
    .selectFrom('appointments')
    .innerJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select(['appointments.status', 'appointments.cancel_reason', 'payments.status as payment'])
    .where('appointments.reference', '=', b.reference)
    .executeTakeFirstOrThrow();
const sessionOf = (reference: string) => checkoutSessionOf(stack, reference);
describe('sweeper', () => {
  it('releases a lapsed hold: Cancelled, the time bookable again, the session expired at Stripe', async () => {
    // A slot days ahead, so it is still bookable once the clock has moved.
    const slot = (await freeSlots(runtime()))[40]!;
    const doctorId = slot.doctorIds[0]!;
    const booking = await book(runtime(), { startsAt: slot.startsAt, doctorId });
    stack.advance(36 * 60);
    // Reconciliation far off, so the hold's own expiry is what releases it here.
    const result = await sweep(runtime(), 24 * 3600_000);
    expect(result).toMatchObject({ ran: true, holdsReleased: 1 });
    expect(await status(booking)).toEqual({
      status: 'cancelled',
      cancel_reason: 'hold_expired',
      payment: 'expired',
    });
    expect(sessionOf(booking.reference).status).toBe('expired');
    expect(
      (await freeSlots(runtime())).find((s) => s.startsAt === slot.startsAt)?.doctorIds,
    ).toContain(doctorId);
  });

  it('releases a hold a crash left without a checkout session', async () => {
    const slot = (await freeSlots(runtime()))[1]!;
    const now = runtime().clock.now();
    const held = await insertBooking(runtime().db, {
      reference: 'CP-CRASHED1',
      doctorId: slot.doctorIds[0]!,
      serviceId: consultation.id,
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      accessTokenSealed: 'unused',
      patient,
      accessTokenHash: 'x',
      holdExpiresAt: new Date(now.getTime() + 35 * 60_000),
      payment: {
        method: 'stripe',
        amount: 6000,
        currency: 'USD',
        mode: 'test',
        secretKey: 'unused',
        publishableKey: 'unused',
      },
      policy: null,
      timeZone: 'America/New_York',
      now,
      client: { address: null, network: null },
      contactCap: { max: 100, clinicPhone: '' },
    });
    expect((await sweep(runtime())).holdsReleased).toBe(0); // too early: the session may be on its way
    stack.advance(6 * 60);
    expect((await sweep(runtime())).holdsReleased).toBe(1);
    const row = await runtime()
      .db.selectFrom('appointments')
      .select(['status', 'cancel_reason'])
      .where('id', '=', held.appointmentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'checkout_not_started' });
  });

  it('reconciles missed webhooks within one sweep past the threshold: paid → Confirmed, declined → Cancelled, abandoned → Cancelled when it lapses', async () => {
    const slots = await freeSlots(runtime());
    const paid = await book(runtime(), { startsAt: slots[4]!.startsAt });
    const declined = await book(runtime(), { startsAt: slots[5]!.startsAt });
    const abandoned = await book(runtime(), { startsAt: slots[6]!.startsAt });
    payByCard(stack, paid.reference);
    stack.stripe.control.declineSession(sessionOf(declined.reference).id, 'generic_decline');

    await sweep(runtime());
    expect((await status(paid)).status).toBe('pending_payment'); // within the threshold: the webhook may still come

    stack.advance(121);
    const result = await sweep(runtime());
    expect(result.paymentsReconciled).toBe(2);
    expect(await status(paid)).toEqual({
      status: 'confirmed',
      cancel_reason: null,
      payment: 'completed',
    });
    expect(await status(declined)).toEqual({
      status: 'cancelled',
      cancel_reason: 'payment_failed',
      payment: 'failed',
    });
    expect((await status(abandoned)).status).toBe('pending_payment');

    stack.advance(35 * 60);
    await sweep(runtime());
    // Stripe expired the session with the hold; reconciliation reads that first.
    expect(await status(abandoned)).toEqual({
      status: 'cancelled',
      cancel_reason: 'checkout_expired',
      payment: 'expired',
    });
  });

  it('two replicas sweeping at once: one runs, each job is done once', async () => {
    const slots = await freeSlots(runtime());
    const bookings = await Promise.all(
      [7, 8, 9].map((i) => book(runtime(), { startsAt: slots[i]!.startsAt })),
    );
    stack.advance(36 * 60);
    const replica = await openRuntime(stack.api.config, {
      clock: runtime().clock,
      logger: runtime().logger,
    });
    try {
      const expiresBefore = stack.stripe.control
        .requests()
        .filter((r) => r.path.endsWith('/expire')).length;
      const [a, b] = await Promise.all([
        sweep(runtime(), 24 * 3600_000),
        sweep(replica, 24 * 3600_000),
      ]);
      expect([a.ran, b.ran].sort()).toEqual([false, true]);
      expect(a.holdsReleased + b.holdsReleased).toBe(3);
      expect(
        stack.stripe.control.requests().filter((r) => r.path.endsWith('/expire')).length -
          expiresBefore,
      ).toBe(3);
      for (const booking of bookings) {
        const timeline = await runtime()
          .db.selectFrom('appointment_events')
          .innerJoin('appointments', 'appointments.id', 'appointment_events.appointment_id')
          .select('appointment_events.to_status')
          .where('appointments.reference', '=', booking.reference)
          .where('appointment_events.to_status', '=', 'cancelled')
          .execute();
        expect(timeline).toHaveLength(1);
      }
    } finally {
      await replica.close();
    }
  });

  it('processes a stored event nobody processed', async () => {
    const slot = (await freeSlots(runtime()))[10]!;
    const booking = await book(runtime(), { startsAt: slot.startsAt });
    payByCard(stack, booking.reference);
    const event = eventAbout(stack, 'payment_intent.succeeded', booking.reference);
    await storeUnprocessedEvent(runtime().db, event, { received_at: runtime().clock.now() });
    stack.advance(61);
    const result = await sweep(runtime(), 3600_000);
    expect(result.eventsProcessed).toBe(1);
    expect(
      await createTestCaller(runtime()).booking.status({
        reference: booking.reference,
        token: booking.token,
      }),
    ).toMatchObject({
      status: 'confirmed',
    });
  });

  it('is not crowded out by parked events: a stranded success behind 201 of them is processed', async () => {
    const slot = (await freeSlots(runtime()))[12]!;
    const booking = await book(runtime(), { startsAt: slot.startsAt });
    payByCard(stack, booking.reference);
    const event = eventAbout(stack, 'payment_intent.succeeded', booking.reference);
    const at = runtime().clock.now();
    // Refunds of another product on the same Stripe account: parked, older than our event.
    await sql`
      INSERT INTO stripe_events (stripe_event_id, type, livemode, payload, received_at, outcome)
      SELECT 'evt_parked_' || g, 'refund.created', false,
             jsonb_build_object('id', 'evt_parked_' || g, 'type', 'refund.created', 'data', jsonb_build_object('object', jsonb_build_object('id', 're_' || g, 'object', 'refund', 'payment_intent', 'pi_other_' || g, 'amount', 100, 'currency', 'usd', 'status', 'succeeded', 'metadata', '{}'::jsonb))),
             ${at}::timestamptz - interval '10 minutes', 'unmatched'
      FROM generate_series(1, 201) g`.execute(runtime().db);
    await storeUnprocessedEvent(runtime().db, event, { received_at: at });
    stack.advance(61);
    const result = await sweep(runtime(), 24 * 3600_000);
    expect(result.eventsProcessed).toBe(1);
    // Read the rows, not booking.status: that would ask Stripe itself and hide a miss.
    expect(await status(booking)).toEqual({
      status: 'confirmed',
      cancel_reason: null,
      payment: 'completed',
    });
  });

  it('under policy "retry", reading the same decline again is not a new attempt', async () => {
    await runtime()
      .db.updateTable('gateway_settings')
      .set({ failure_policy: 'retry' })
      .where('gateway', '=', 'stripe')
      .execute();
    forgetStripeSettings(runtime().db);
    try {
      const slot = (await freeSlots(runtime()))[13]!;
      const booking = await book(runtime(), { startsAt: slot.startsAt });
      stack.stripe.control.declineSession(sessionOf(booking.reference).id, 'insufficient_funds');
      stack.advance(121);
      await sweep(runtime());
      await sweep(runtime());
      await sweep(runtime());
      expect(await status(booking)).toEqual({
        status: 'pending_payment',
        cancel_reason: null,
        payment: 'pending',
      });
      const attempts = await runtime()
        .db.selectFrom('payment_events')
        .innerJoin('payments', 'payments.id', 'payment_events.payment_id')
        .select('payment_events.reason')
        .where('payments.checkout_session_id', '=', sessionOf(booking.reference).id)
        .where('payment_events.reason', '=', 'attempt_failed')
        .execute();
      expect(attempts).toHaveLength(1);
    } finally {
      await runtime()
        .db.updateTable('gateway_settings')
        .set({ failure_policy: 'cancel' })
        .where('gateway', '=', 'stripe')
        .execute();
      forgetStripeSettings(runtime().db);
    }
  });

  it('reconciles every pending payment in turn, even with more than a batch of checkouts open', async () => {
    // A full batch of older pending payments whose sessions Stripe cannot find (each check fails).
    const older = [];
    for (let i = 0; i < RECONCILE_BATCH; i++)
      older.push(await insertPendingStripePayment(runtime().db));
    const slots = await freeSlots(runtime());
    const paid = await book(runtime(), { startsAt: slots[11]!.startsAt });
    payByCard(stack, paid.reference);
    stack.advance(121);

    await sweep(runtime()); // the older batch, least recently checked first
    expect((await status(paid)).status).toBe('pending_payment');
    await sweep(runtime()); // then the payments not checked yet
    expect(await status(paid)).toEqual({
      status: 'confirmed',
      cancel_reason: null,
      payment: 'completed',
    });

    await runtime()
      .db.updateTable('payments')
      .set({ status: 'expired' })
      .where(
        'id',
        'in',
        older.map((o) => o.paymentId),
      )
      .execute();
  });
});
