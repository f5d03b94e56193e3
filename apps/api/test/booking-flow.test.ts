import { sql } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { createTestCaller } from '../src/testing.js';
import { book, consultation, freeSlots, patient, waitUntil } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';
import { checkoutSessionOf, payByCard } from './support/emulator-objects.js';

const stack = useTestStack();

const status = (reference: string, token: string) =>
  createTestCaller(stack.api.runtime).booking.status({ reference, token });
/** The rows themselves: booking.status would ask Stripe and hide a broken webhook path. */
const stored = (reference: string) =>
  stack.api.db
    .selectFrom('appointments')
    .select('status')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();

describe('booking with Stripe, end to end through the emulator', () => {
  it('holds the slot, opens an embedded checkout with the server price, and confirms on payment', async () => {
    const [slot] = await freeSlots(stack.api.runtime);
    const booking = await book(stack.api.runtime, { startsAt: slot!.startsAt });
    expect(booking).toMatchObject({
      status: 'pending_payment',
      paymentMethod: 'stripe',
      startsAt: slot!.startsAt,
    });
    expect(booking.checkout?.clientSecret).toMatch(/^cs_test_/);
    expect(booking.reference).toMatch(/^CP-[0-9A-Z]{8}$/);

    const sessions = stack.stripe.control.objects('test').checkoutSessions;
    const session = sessions.find((s) => s.metadata?.booking_reference === booking.reference)!;
    expect(session).toMatchObject({
      ui_mode: 'embedded_page',
      amount_total: consultation.priceAmount,
      currency: 'usd',
    });
    expect(session.expires_at).toBe(Math.floor(Date.parse(booking.holdExpiresAt!) / 1000));
    // Asked for in the clinic's currency, cards only (Stripe's defaults are otherwise).
    const created = stack.stripe.control
      .requests()
      .find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions' && r.status === 200);
    expect(created?.params).toMatchObject({
      adaptive_pricing: { enabled: 'false' },
      allowed_payment_method_types: ['card'],
    });
    expect(session).toMatchObject({
      adaptive_pricing: { enabled: false },
      payment_method_types: ['card'],
    });

    // The held time is gone from availability.
    const stillFree = (await freeSlots(stack.api.runtime)).find(
      (s) => s.startsAt === slot!.startsAt,
    );
    expect(stillFree?.doctorIds ?? []).toHaveLength(slot!.doctorIds.length - 1);

    stack.stripe.control.paySession(session.id, '4242424242424242');
    await waitUntil(
      () => stored(booking.reference),
      (b) => b.status === 'confirmed',
    );
    const confirmed = await status(booking.reference, booking.token);
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      holdExpiresAt: null,
      payment: { status: 'completed', amount: 6000, currency: 'USD' },
      serviceName: 'General consultation',
      serviceId: consultation.id,
      doctorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('sends Stripe no patient name or phone and no health information', () => {
    const requests = stack.stripe.control.requests().filter((r) => r.method === 'POST');
    expect(requests.length).toBeGreaterThan(0);
    // Everything Stripe holds of ours: what we sent, and the objects it made from it.
    const everything = JSON.stringify([requests, stack.stripe.control.objects('test')]);
    expect(everything).not.toContain(patient.name);
    expect(everything).not.toContain('Lovelace');
    expect(everything).not.toContain(patient.phone);
    expect(everything).not.toContain('General practice');
    expect(everything).not.toContain('General consultation');
    expect(everything).toContain('Appointment at Riverside Family Clinic');
  });

  it('cancels and releases the slot when the card is declined, expiring the session', async () => {
    const slots = await freeSlots(stack.api.runtime);
    const slot = slots[3]!;
    const booking = await book(stack.api.runtime, {
      startsAt: slot.startsAt,
      doctorId: slot.doctorIds[0]!,
    });
    const session = checkoutSessionOf(stack, booking.reference);
    stack.stripe.control.declineSession(session.id, 'insufficient_funds');
    await waitUntil(
      () => stored(booking.reference),
      (b) => b.status === 'cancelled',
    );
    const cancelled = await status(booking.reference, booking.token);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'payment_failed',
      payment: { status: 'failed', failureCode: 'insufficient_funds' },
    });
    const freeAgain = await freeSlots(stack.api.runtime);
    expect(freeAgain.find((s) => s.startsAt === slot.startsAt)?.doctorIds).toContain(
      slot.doctorIds[0],
    );
    await waitUntil(
      () => Promise.resolve(stack.stripe.control.object(session.id) as { status: string }),
      (s) => s.status === 'expired',
    );
    expect((stack.stripe.control.object(session.id) as { status: string }).status).toBe('expired');
  });

  it('cancels when the checkout lapses', async () => {
    const slot = (await freeSlots(stack.api.runtime))[5]!;
    const booking = await book(stack.api.runtime, { startsAt: slot.startsAt });
    stack.advance(36 * 60);
    stack.stripe.control.expireDueSessions();
    await waitUntil(
      () => stored(booking.reference),
      (b) => b.status === 'cancelled',
    );
    const cancelled = await status(booking.reference, booking.token);
    expect(cancelled).toMatchObject({
      cancelReason: 'checkout_expired',
      payment: { status: 'expired' },
    });
  });

  it('confirms from the status page when the webhook never came', async () => {
    const endpoint = stack.stripe.control.webhookEndpoints()[0]!;
    stack.stripe.control.setWebhookFaults(endpoint.id, { dropProbability: 1 });
    try {
      const slot = (await freeSlots(stack.api.runtime))[7]!;
      const booking = await book(stack.api.runtime, { startsAt: slot.startsAt });
      const session = payByCard(stack, booking.reference);
      await stack.stripe.control.waitForDeliveries();
      const payment = await stack.api.db
        .selectFrom('payments')
        .select('status')
        .where('checkout_session_id', '=', session.id)
        .executeTakeFirstOrThrow();
      expect(payment.status).toBe('pending');
      // The return URL carries the session id, not the token.
      const viaReturnPage = await createTestCaller(stack.api.runtime).booking.status({
        reference: booking.reference,
        sessionId: session.id,
      });
      expect(viaReturnPage).toMatchObject({
        status: 'confirmed',
        payment: { status: 'completed' },
      });
    } finally {
      stack.stripe.control.setWebhookFaults(endpoint.id, {});
    }
  });

  it('refuses a wrong token or session id with the same answer as an unknown reference', async () => {
    const caller = createTestCaller(stack.api.runtime);
    const slot = (await freeSlots(stack.api.runtime))[9]!;
    const booking = await book(stack.api.runtime, {
      startsAt: slot.startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const notFound = {
      code: 'NOT_FOUND',
      message: 'We could not find this booking. Check the link from your booking confirmation.',
    };
    // Each call awaited as it is made: a second rejection left waiting is reported as unhandled.
    await expect(
      caller.booking.status({ reference: booking.reference, token: 'x'.repeat(32) }),
    ).rejects.toMatchObject(notFound);
    await expect(
      caller.booking.status({ reference: 'CP-ZZZZZZZZ', token: booking.token }),
    ).rejects.toMatchObject(notFound);
    await expect(
      caller.booking.status({ reference: booking.reference, sessionId: 'cs_test_notthisone' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets the patient cancel an unpaid booking (session expired, time released) and a pay-at-clinic one', async () => {
    const caller = createTestCaller(stack.api.runtime);
    const slot = (await freeSlots(stack.api.runtime))[11]!;
    const doctorId = slot.doctorIds[0]!;
    const booking = await book(stack.api.runtime, { startsAt: slot.startsAt, doctorId });
    const cancelled = await caller.booking.cancel({
      reference: booking.reference,
      token: booking.token,
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'cancelled_by_patient',
      payment: { status: 'expired' },
    });
    const session = checkoutSessionOf(stack, booking.reference);
    expect(session.status).toBe('expired');
    expect(
      (await freeSlots(stack.api.runtime)).find((s) => s.startsAt === slot.startsAt)?.doctorIds,
    ).toContain(doctorId);
    await expect(
      caller.booking.cancel({ reference: booking.reference, token: booking.token }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This booking is already cancelled.',
    });

    const atClinic = await book(stack.api.runtime, {
      startsAt: slot.startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    // Pay at clinic cancels free until the start: nothing is then due at the desk.
    expect(
      await caller.booking.cancel({
        reference: atClinic.reference,
        token: atClinic.token,
        expectedRefund: 0,
      }),
    ).toMatchObject({
      status: 'cancelled',
      cancelReason: 'cancelled_by_patient',
      payment: { status: 'expired', refund: null },
    });
  });

  it("keeps the patient's reason when the expiry it asked for comes back as checkout.session.expired", async () => {
    const caller = createTestCaller(stack.api.runtime);
    const slot = (await freeSlots(stack.api.runtime))[12]!;
    const booking = await book(stack.api.runtime, {
      startsAt: slot.startsAt,
      doctorId: slot.doctorIds[0]!,
    });
    // Stripe answers the expiry late, so its event is delivered and applied before the answer.
    stack.stripe.control.setApiLatency([
      { method: 'POST', path: '^/v1/checkout/sessions/[^/]+/expire$', delayMs: 800 },
    ]);
    const expiredEvent = () =>
      stack.api.db
        .selectFrom('stripe_events')
        .select(['outcome'])
        .where('type', '=', 'checkout.session.expired')
        .where(
          sql<string>`payload #>> '{data,object,metadata,booking_reference}'`,
          '=',
          booking.reference,
        )
        .executeTakeFirst();
    const cancelled = await caller.booking
      .cancel({ reference: booking.reference, token: booking.token })
      .finally(() => stack.stripe.control.setApiLatency([]));

    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'cancelled_by_patient',
      payment: { status: 'expired' },
    });
    await stack.stripe.control.waitForDeliveries();
    // No lock is held across Stripe: the event came first and cancelled with the patient's
    // reason (the cancel had recorded it), and the cancel's own step then found nothing to do.
    expect(await expiredEvent()).toEqual({ outcome: 'applied' });
    const timeline = await stack.api.db
      .selectFrom('appointment_events')
      .innerJoin('appointments', 'appointments.id', 'appointment_events.appointment_id')
      .select(['appointment_events.to_status', 'appointment_events.reason'])
      .where('appointments.reference', '=', booking.reference)
      .orderBy('appointment_events.id')
      .execute();
    expect(timeline).toEqual([
      { to_status: 'pending_payment', reason: null },
      { to_status: 'cancelled', reason: 'cancelled_by_patient' },
    ]);
  });
});

describe('status polling', () => {
  it('asks Stripe at most every 10 s per payment while the page polls, and every 3 s from the return page', async () => {
    const caller = createTestCaller(stack.api.runtime);
    const slot = (await freeSlots(stack.api.runtime))[13]!;
    const booking = await book(stack.api.runtime, { startsAt: slot.startsAt });
    const session = checkoutSessionOf(stack, booking.reference);
    const retrievals = () =>
      stack.stripe.control
        .requests()
        .filter((r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${session.id}`)
        .length;
    const before = retrievals();
    for (let i = 0; i < 5; i++)
      await caller.booking.status({ reference: booking.reference, token: booking.token });
    expect(retrievals() - before).toBe(1);
    stack.advance(11);
    await caller.booking.status({ reference: booking.reference, token: booking.token });
    expect(retrievals() - before).toBe(2);
    // The return page names the session; a storm of its reads still asks Stripe once per 3 s.
    const returnPage = () =>
      caller.booking.status({ reference: booking.reference, sessionId: session.id });
    for (let i = 0; i < 5; i++) await returnPage();
    expect(retrievals() - before).toBe(2);
    stack.advance(3);
    await Promise.all(Array.from({ length: 20 }, returnPage));
    expect(retrievals() - before).toBe(3);
    // The state is in the database, so a replica that never saw this payment waits as well.
    const row = await stack.api.db
      .selectFrom('payments')
      .select('stripe_read_at')
      .where('checkout_session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.stripe_read_at).not.toBeNull();
  });
});
