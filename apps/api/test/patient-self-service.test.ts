// A patient managing a confirmed booking from its status link: cancelling under the policy stored
// with it (the refund stated, reserved with the admin cancel's key, sent after commit), and moving
// it within the policy's window and limit. The clinic moves appointments without those limits.
import { cancellationSentence, DEFAULT_CANCELLATION_POLICY } from '@clinicpay/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointmentByAdmin } from '../src/services/cancellation/cancel-by-clinic.service.js';
import { createTestCaller } from '../src/testing.js';
import { adminCaller, signIn } from './support/admin-http.js';
import { book, consultation, freeSlots, waitUntil } from './support/booking.js';
import { payByCard } from './support/emulator-objects.js';
import { useTestStack } from './support/test-stack.js';

const stack = useTestStack();
// Signed in afresh each time: the tests move the clock past an admin session's lifetime.
const admin = async () => adminCaller(stack.api.runtime, await signIn(stack.api.url));
const runtime = () => stack.api.runtime;
const patientCaller = () => createTestCaller(runtime());
const HOUR = 3_600_000;

const TIERED = {
  ...DEFAULT_CANCELLATION_POLICY,
  refundTiers: [{ hoursBefore: 4, percent: 50 }],
};
const TIERED_SENTENCE =
  'Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no refund after.';

beforeAll(async () => {
  await (await admin()).admin.policies.save({ scope: 'clinic', policy: TIERED });
});

/** Free slots at least `hours` ahead, each used once across the file. */
const used = new Set<string>();
async function slotAhead(hours: number, doctorId?: string) {
  const now = runtime().clock.now().getTime();
  const slot = (await freeSlots(runtime())).find(
    (s) =>
      Date.parse(s.startsAt) > now + hours * HOUR &&
      !used.has(s.startsAt) &&
      (!doctorId || s.doctorIds.includes(doctorId)),
  )!;
  used.add(slot.startsAt);
  return slot;
}

async function paidBooking(hoursAhead: number) {
  const slot = await slotAhead(hoursAhead);
  const doctorId = slot.doctorIds[0]!;
  const booking = await book(runtime(), { startsAt: slot.startsAt, doctorId });
  const session = payByCard(stack, booking.reference);
  await waitUntil(
    () => status(booking),
    (s) => s.status === 'confirmed',
  );
  return { ...booking, doctorId, slot, sessionId: session.id };
}
const status = (b: { reference: string; token: string }) =>
  patientCaller().booking.status({ reference: b.reference, token: b.token });
const refundsAtStripe = (sessionId: string) => {
  const intent = stack.stripe.control
    .objects('test')
    .checkoutSessions.find((s) => s.id === sessionId)?.payment_intent;
  return stack.stripe.control.objects('test').refunds.filter((r) => r.payment_intent === intent);
};
const appointmentOf = (reference: string) =>
  stack.api.db
    .selectFrom('appointments')
    .select(['id', 'status', 'starts_at', 'reschedule_count', 'doctor_id'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
const advanceTo = (at: number) =>
  stack.advance(Math.floor((at - runtime().clock.now().getTime()) / 1000));

describe('cancel', () => {
  it('states and sends the refund of the policy in force at booking, after the clinic changed it', async () => {
    const booking = await paidBooking(30);
    await (
      await admin()
    ).admin.policies.save({
      scope: 'clinic',
      policy: { ...DEFAULT_CANCELLATION_POLICY, freeCancelHours: 48, feeAmount: 1000 },
    });
    try {
      advanceTo(Date.parse(booking.slot.startsAt) - 10 * HOUR);
      const before = await status(booking);
      expect(before.actions?.policy.sentence).toBe(TIERED_SENTENCE);
      expect(before.actions?.cancel).toEqual({
        allowed: true,
        refund: { percent: 50, amount: 3000, paid: 6000, currency: 'USD' },
      });

      const after = await patientCaller().booking.cancel({
        reference: booking.reference,
        token: booking.token,
        expectedRefund: 3000,
      });
      expect(after).toMatchObject({
        status: 'cancelled',
        cancelReason: 'cancelled_by_patient',
        actions: null,
        payment: { status: 'partially_refunded', refund: { status: 'succeeded', amount: 3000 } },
      });
      expect(refundsAtStripe(booking.sessionId).map((r) => r.amount)).toEqual([3000]);
      const { id } = await appointmentOf(booking.reference);
      const timeline = await stack.api.db
        .selectFrom('appointment_events')
        .select(['to_status', 'source', 'reason', 'details'])
        .where('appointment_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(timeline).toMatchObject({
        to_status: 'cancelled',
        source: 'patient',
        reason: 'cancelled_by_patient',
        details: { refund_percent: 50, refund_amount: 3000 },
      });
      const mail = await stack.api.db
        .selectFrom('mail_outbox')
        .select('fact_key')
        .where('appointment_id', '=', id)
        .where('kind', 'in', ['booking_cancelled', 'clinic_cancellation'])
        .execute();
      expect(mail.map((m) => m.fact_key).sort()).toEqual([
        `cancelled:${id}`,
        `clinic-cancelled:${id}`,
      ]);
      // The time is free again.
      expect((await freeSlots(runtime())).map((s) => s.startsAt)).toContain(booking.slot.startsAt);
    } finally {
      await (await admin()).admin.policies.save({ scope: 'clinic', policy: TIERED });
    }
  });

  it('two tabs and the clinic cancelling at once make one refund', async () => {
    const booking = await paidBooking(30);
    const { id } = await appointmentOf(booking.reference);
    const input = { reference: booking.reference, token: booking.token, expectedRefund: 6000 };
    const outcomes = await Promise.allSettled([
      patientCaller().booking.cancel(input),
      patientCaller().booking.cancel(input),
      cancelAppointmentByAdmin(runtime(), { appointmentId: id, refund: 'full', actor: 'admin:x' }),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { status: 'cancelled' } });
    expect(outcomes[1]).toMatchObject({ status: 'fulfilled', value: { status: 'cancelled' } });
    const refunds = await stack.api.db
      .selectFrom('refunds')
      .innerJoin('payments', 'payments.id', 'refunds.payment_id')
      .select(['refunds.amount', 'refunds.idempotency_key'])
      .where('payments.appointment_id', '=', id)
      .execute();
    expect(refunds).toEqual([{ amount: 6000, idempotency_key: `cancel-refund:${id}` }]);
    await stack.stripe.control.waitForDeliveries();
    expect(refundsAtStripe(booking.sessionId)).toHaveLength(1);
  });

  it('shows a second tab the booking the clinic cancelled a moment before, with its one refund', async () => {
    const booking = await paidBooking(30);
    const { id } = await appointmentOf(booking.reference);
    await cancelAppointmentByAdmin(runtime(), {
      appointmentId: id,
      refund: 'full',
      actor: 'admin:x',
    });
    const late = await patientCaller().booking.cancel({
      reference: booking.reference,
      token: booking.token,
      expectedRefund: 6000,
    });
    expect(late.status).toBe('cancelled');
    await stack.stripe.control.waitForDeliveries();
    expect(refundsAtStripe(booking.sessionId)).toHaveLength(1);
  });

  it('never cancels a confirmed booking without the stated refund (the card form’s Cancel, the wizard’s Back)', async () => {
    const booking = await paidBooking(30);
    await expect(
      patientCaller().booking.cancel({ reference: booking.reference, token: booking.token }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'This booking is confirmed; open its page from your confirmation to cancel it under the clinic’s policy.',
    });
    expect((await appointmentOf(booking.reference)).status).toBe('confirmed');
    expect(refundsAtStripe(booking.sessionId)).toHaveLength(0);
  });

  it('refuses a dialog whose refund is out of date with the new amount, changing nothing', async () => {
    const booking = await paidBooking(30);
    advanceTo(Date.parse(booking.slot.startsAt) - 10 * HOUR);
    await expect(
      patientCaller().booking.cancel({
        reference: booking.reference,
        token: booking.token,
        expectedRefund: 6000,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        "The refund is now $30.00 under the clinic's policy, as the appointment is nearer; confirm again to cancel.",
    });
    expect((await appointmentOf(booking.reference)).status).toBe('confirmed');
    expect(refundsAtStripe(booking.sessionId)).toHaveLength(0);
  });

  it('refuses once the appointment has started, naming the clinic’s phone', async () => {
    const booking = await book(runtime(), {
      startsAt: (await slotAhead(2)).startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    advanceTo(Date.parse(booking.startsAt) + 60_000);
    const view = await status(booking);
    expect(view.actions?.cancel).toEqual({
      allowed: false,
      reason: expect.stringMatching(/^This appointment has started; please call the clinic/),
    });
    await expect(
      patientCaller().booking.cancel({
        reference: booking.reference,
        token: booking.token,
        expectedRefund: 0,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: view.actions?.cancel.allowed === false ? view.actions.cancel.reason : '',
    });
  });
});

describe('reschedule', () => {
  it('moves a paid booking, keeps its payment, frees the old time, and counts against the limit', async () => {
    const booking = await paidBooking(72);
    const { id, doctor_id } = await appointmentOf(booking.reference);
    const caller = patientCaller();
    const firstTarget = await slotAhead(72, doctor_id);
    const moved = await caller.booking.reschedule({
      reference: booking.reference,
      token: booking.token,
      doctorId: doctor_id,
      startsAt: firstTarget.startsAt,
    });
    expect(moved).toMatchObject({
      status: 'confirmed',
      startsAt: firstTarget.startsAt,
      rescheduleCount: 1,
      payment: { status: 'completed', amount: 6000, amountRefunded: 0 },
    });
    const free = await freeSlots(runtime());
    expect(free.find((s) => s.startsAt === booking.slot.startsAt)?.doctorIds).toContain(doctor_id);
    expect(free.find((s) => s.startsAt === firstTarget.startsAt)?.doctorIds ?? []).not.toContain(
      doctor_id,
    );
    const rows = await stack.api.db
      .selectFrom('appointment_events')
      .select(['source', 'reason', 'details'])
      .where('appointment_id', '=', id)
      .where('reason', '=', 'rescheduled_by_patient')
      .execute();
    expect(rows).toEqual([
      {
        source: 'patient',
        reason: 'rescheduled_by_patient',
        details: expect.objectContaining({
          previous_starts_at: booking.slot.startsAt,
          starts_at: firstTarget.startsAt,
        }),
      },
    ]);
    const mail = await stack.api.db
      .selectFrom('mail_outbox')
      .select('fact_key')
      .where('appointment_id', '=', id)
      .where('kind', '=', 'booking_rescheduled')
      .execute();
    expect(mail).toEqual([{ fact_key: `rescheduled:${id}:${firstTarget.startsAt}` }]);

    const second = await slotAhead(72, doctor_id);
    await caller.booking.reschedule({
      reference: booking.reference,
      token: booking.token,
      doctorId: 'any',
      startsAt: second.startsAt,
    });
    const third = await slotAhead(72, doctor_id);
    const refused = caller.booking.reschedule({
      reference: booking.reference,
      token: booking.token,
      doctorId: doctor_id,
      startsAt: third.startsAt,
    });
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^This booking has been moved 2 times, the most the clinic allows online; please call the clinic/,
      ),
    });
    expect(await appointmentOf(booking.reference)).toMatchObject({
      starts_at: new Date(second.startsAt),
      reschedule_count: 2,
    });
  });

  it('a reschedule racing card bookings of the same time: exactly one wins, and no loser reaches Stripe', async () => {
    const movers = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) =>
        book(
          runtime(),
          { startsAt: (await slotAhead(48)).startsAt, paymentMethod: 'pay_at_clinic' },
          `10.20.${i}.1`,
        ),
      ),
    );
    const target = await slotAhead(48);
    const doctorId = target.doctorIds[0]!;
    // The movers' doctors may differ; move each to the target doctor's time.
    const sessionsBefore = stack.stripe.control.objects('test').checkoutSessions.length;
    const outcomes = await Promise.allSettled([
      ...movers.map((m, i) =>
        createTestCaller(runtime(), `10.20.${i}.1`).booking.reschedule({
          reference: m.reference,
          token: m.token,
          doctorId,
          startsAt: target.startsAt,
        }),
      ),
      ...[0, 1, 2, 3, 4].map((i) =>
        book(runtime(), { startsAt: target.startsAt, doctorId }, `10.21.${i}.1`),
      ),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === 'rejected')
        expect((o.reason as Error).message).toMatch(/^This time was just taken/);
    const bookedByCard = outcomes.slice(5).filter((o) => o.status === 'fulfilled').length;
    expect(stack.stripe.control.objects('test').checkoutSessions.length - sessionsBefore).toBe(
      bookedByCard,
    );
    const holders = await stack.api.db
      .selectFrom('appointments')
      .select('id')
      .where('doctor_id', '=', doctorId)
      .where('starts_at', '=', new Date(target.startsAt))
      .where('status', '<>', 'cancelled')
      .execute();
    expect(holders).toHaveLength(1);
  });

  it('refuses a past time, a time outside the hours, a taken time and a doctor who does not offer the service, changing nothing', async () => {
    const booking = await book(runtime(), {
      startsAt: (await slotAhead(48)).startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const { doctor_id, starts_at } = await appointmentOf(booking.reference);
    const other = await book(runtime(), {
      startsAt: (await slotAhead(48, doctor_id)).startsAt,
      doctorId: doctor_id,
      paymentMethod: 'pay_at_clinic',
    });
    const move = (startsAt: string, doctorId: string = doctor_id) =>
      patientCaller().booking.reschedule({
        reference: booking.reference,
        token: booking.token,
        doctorId,
        startsAt,
      });
    const now = runtime().clock.now().getTime();
    await expect(move(new Date(now - HOUR).toISOString())).rejects.toMatchObject({
      message: 'This time has already passed; please pick another.',
    });
    // 03:07 in the clinic's zone, days ahead: never on offer.
    const night = new Date(starts_at.getTime() + 2 * 86_400_000);
    night.setUTCHours(8, 7, 0, 0);
    await expect(move(night.toISOString())).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This time is outside the opening hours; please pick one of the times shown.',
    });
    await expect(move(other.startsAt)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This time was just taken, so your booking was not moved; please pick another.',
    });
    await expect(
      move(other.startsAt, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({
      message: 'This doctor does not offer this service; please choose another doctor.',
    });
    expect(await appointmentOf(booking.reference)).toMatchObject({
      starts_at,
      reschedule_count: 0,
      status: 'confirmed',
    });
  });

  it('refuses inside the policy’s window; the clinic still moves it, with a reason, uncounted', async () => {
    const booking = await book(runtime(), {
      startsAt: (await slotAhead(30)).startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const { id, doctor_id } = await appointmentOf(booking.reference);
    advanceTo(Date.parse(booking.startsAt) - 10 * HOUR);
    const target = await slotAhead(2, doctor_id);
    const view = await status(booking);
    expect(view.actions?.reschedule).toEqual({
      allowed: false,
      reason: expect.stringMatching(
        /^Bookings can be moved online until 24 hours before; please call the clinic/,
      ),
    });
    await expect(
      patientCaller().booking.reschedule({
        reference: booking.reference,
        token: booking.token,
        doctorId: doctor_id,
        startsAt: target.startsAt,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const detail = await (
      await admin()
    ).admin.appointments.move({
      appointmentId: id,
      doctorId: doctor_id,
      startsAt: target.startsAt,
      reason: 'Doctor running late',
    });
    expect(detail.startsAt).toBe(target.startsAt);
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'appointment',
      source: 'admin',
      reason: 'moved_by_clinic',
      details: expect.objectContaining({ note: 'Doctor running late' }),
    });
    expect((await appointmentOf(booking.reference)).reschedule_count).toBe(0);
    const audit = await stack.api.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', '=', 'appointment.moved')
      .execute();
    expect(audit).toEqual([{ action: 'appointment.moved', target: `appointment:${id}` }]);
  });
});

describe('policies', () => {
  it('a service’s own policy applies to its new bookings and is shown before paying', async () => {
    const own = { ...DEFAULT_CANCELLATION_POLICY, freeCancelHours: 48, feeAmount: 500 };
    const ownSentence =
      'Cancel up to 48 hours before for a full refund; no refund after. A cancellation fee of $5.00 is kept from any refund.';
    const saved = await (
      await admin()
    ).admin.policies.save({ scope: 'service', serviceId: consultation.id, policy: own });
    expect(saved.services.find((s) => s.id === consultation.id)?.override?.sentence).toBe(
      ownSentence,
    );
    try {
      const services = await patientCaller().catalogue.services();
      expect(services.find((s) => s.id === consultation.id)?.cancellationPolicy).toBe(ownSentence);
      expect(services.find((s) => s.id !== consultation.id)?.cancellationPolicy).toBe(
        TIERED_SENTENCE,
      );
      const booking = await book(runtime(), {
        startsAt: (await slotAhead(72)).startsAt,
        paymentMethod: 'pay_at_clinic',
      });
      expect((await status(booking)).actions?.policy.sentence).toBe(ownSentence);
    } finally {
      await (
        await admin()
      ).admin.policies.save({ scope: 'service', serviceId: consultation.id, policy: null });
    }
    const services = await patientCaller().catalogue.services();
    expect(services.find((s) => s.id === consultation.id)?.cancellationPolicy).toBe(
      TIERED_SENTENCE,
    );
  });

  it('the admin page previews the sentence; new bookings keep the policy in force', async () => {
    const page = await (await admin()).admin.policies.get();
    expect(page.clinic.sentence).toBe(TIERED_SENTENCE);
    expect(cancellationSentence(TIERED, 'USD')).toBe(TIERED_SENTENCE);
    await expect(
      (await admin()).admin.policies.save({
        scope: 'clinic',
        policy: { ...TIERED, refundTiers: [{ hoursBefore: 30, percent: 50 }] },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
