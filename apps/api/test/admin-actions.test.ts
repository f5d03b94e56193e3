// The booking-side actions the admin API exposes: Paid at clinic, no-show, cancel with or without refund.
import { describe, expect, it } from 'vitest';
import { cancelAppointmentByAdmin } from '../src/services/cancellation/cancel-by-clinic.service.js';
import {
  markNoShow,
  markPaidAtClinic,
} from '../src/services/appointments/pay-at-clinic.service.js';
import { book, freeSlots, waitUntil } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';
import { checkoutSessionOf, payByCard } from './support/emulator-objects.js';

const stack = useTestStack();

const runtime = () => stack.api.runtime;
const actor = 'admin:owner@clinic.test';
let next = 0;
async function appointmentOf(reference: string) {
  return stack.api.db
    .selectFrom('appointments')
    .leftJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.id',
      'appointments.status',
      'appointments.cancel_reason',
      'payments.id as paymentId',
      'payments.status as payment',
      'payments.amount_refunded',
    ])
    .where('appointments.reference', '=', reference)
    .executeTakeFirstOrThrow();
}
async function timelineReasons(appointmentId: string) {
  const rows = await stack.api.db
    .selectFrom('appointment_events')
    .select(['to_status', 'reason'])
    .where('appointment_id', '=', appointmentId)
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.to_status}:${r.reason ?? ''}`);
}

describe('pay at clinic', () => {
  it('marks Paid at clinic, once, on the payment timeline', async () => {
    const booking = await book(runtime(), {
      startsAt: (await freeSlots(runtime()))[next++]!.startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const { id, paymentId } = await appointmentOf(booking.reference);
    await markPaidAtClinic(runtime(), { appointmentId: id, actor });
    expect((await appointmentOf(booking.reference)).payment).toBe('paid_at_clinic');
    await expect(markPaidAtClinic(runtime(), { appointmentId: id, actor })).rejects.toMatchObject({
      code: 'transition_not_allowed',
    });
    const events = await stack.api.db
      .selectFrom('payment_events')
      .select(['from_status', 'to_status', 'source'])
      .where('payment_id', '=', paymentId!)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { from_status: null, to_status: 'due_at_clinic', source: 'booking' },
      { from_status: 'due_at_clinic', to_status: 'paid_at_clinic', source: 'admin' },
    ]);
  });

  it('marks a no-show only once the time has come', async () => {
    const booking = await book(runtime(), {
      startsAt: (await freeSlots(runtime()))[next++]!.startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const { id } = await appointmentOf(booking.reference);
    await expect(markNoShow(runtime(), { appointmentId: id, actor })).rejects.toMatchObject({
      code: 'transition_not_allowed',
    });
    stack.advance(14 * 24 * 3600);
    await markNoShow(runtime(), { appointmentId: id, actor });
    const after = await appointmentOf(booking.reference);
    expect(after).toMatchObject({ status: 'no_show', payment: 'due_at_clinic' });
    expect(await timelineReasons(id)).toEqual(['confirmed:', 'no_show:no_show']);
  });
});

describe('admin cancel', () => {
  async function paid() {
    const slot = (await freeSlots(runtime()))[next++]!;
    const booking = await book(runtime(), { startsAt: slot.startsAt });
    payByCard(stack, booking.reference);
    await waitUntil(
      () => appointmentOf(booking.reference),
      (a) => a.status === 'confirmed',
    );
    return { booking, slot };
  }

  it('cancels with a full refund, releasing the time', async () => {
    const { booking, slot } = await paid();
    const { id } = await appointmentOf(booking.reference);
    const result = await cancelAppointmentByAdmin(runtime(), {
      appointmentId: id,
      refund: 'full',
      reason: 'Doctor ill',
      actor,
    });
    expect(result.refund).toMatchObject({ status: 'succeeded', amount: 6000 });
    expect(await appointmentOf(booking.reference)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'cancelled_by_clinic',
      payment: 'refunded',
      amount_refunded: 6000,
    });
    const { doctor_id } = await stack.api.db
      .selectFrom('appointments')
      .select('doctor_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(
      (await freeSlots(runtime())).find((s) => s.startsAt === slot.startsAt)?.doctorIds,
    ).toContain(doctor_id);
  });

  it('keeps the money only with a recorded reason', async () => {
    const { booking } = await paid();
    const { id, paymentId } = await appointmentOf(booking.reference);
    await expect(
      cancelAppointmentByAdmin(runtime(), { appointmentId: id, refund: 'none', actor }),
    ).rejects.toMatchObject({
      code: 'reason_required',
      message: 'Give a reason for keeping the payment, or cancel with a refund.',
    });
    expect((await appointmentOf(booking.reference)).status).toBe('confirmed');
    await cancelAppointmentByAdmin(runtime(), {
      appointmentId: id,
      refund: 'none',
      reason: 'Late cancellation fee',
      actor,
    });
    expect(await appointmentOf(booking.reference)).toMatchObject({
      status: 'cancelled',
      payment: 'completed',
      amount_refunded: 0,
    });
    const kept = await stack.api.db
      .selectFrom('payment_events')
      .select('reason')
      .where('payment_id', '=', paymentId!)
      .where('reason', 'like', 'kept_by_admin%')
      .execute();
    expect(kept).toEqual([{ reason: 'kept_by_admin: Late cancellation fee' }]);
  });

  it('cancels an unpaid hold, expiring its checkout first', async () => {
    const booking = await book(runtime(), {
      startsAt: (await freeSlots(runtime()))[next++]!.startsAt,
    });
    const { id } = await appointmentOf(booking.reference);
    await cancelAppointmentByAdmin(runtime(), { appointmentId: id, refund: 'full', actor });
    expect(await appointmentOf(booking.reference)).toMatchObject({
      status: 'cancelled',
      payment: 'expired',
    });
    const session = checkoutSessionOf(stack, booking.reference);
    expect(session.status).toBe('expired');
  });

  it('does not cancel twice when the checkout lapsed first (compare-and-set on the locked row)', async () => {
    const booking = await book(runtime(), {
      startsAt: (await freeSlots(runtime()))[next++]!.startsAt,
    });
    const { id } = await appointmentOf(booking.reference);
    const session = checkoutSessionOf(stack, booking.reference);
    stack.stripe.control.expireSession(session.id);
    await waitUntil(
      () => appointmentOf(booking.reference),
      (a) => a.status === 'cancelled',
    );
    await expect(
      cancelAppointmentByAdmin(runtime(), { appointmentId: id, refund: 'full', actor }),
    ).rejects.toMatchObject({
      code: 'transition_not_allowed',
      message: 'This appointment is cancelled and cannot be cancelled.',
    });
    expect(await timelineReasons(id)).toEqual(['pending_payment:', 'cancelled:checkout_expired']);
  });

  it('cancels a pay-at-clinic booking: nothing is due any more', async () => {
    const booking = await book(runtime(), {
      startsAt: (await freeSlots(runtime()))[next++]!.startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const { id } = await appointmentOf(booking.reference);
    const result = await cancelAppointmentByAdmin(runtime(), {
      appointmentId: id,
      refund: 'full',
      actor,
    });
    expect(result.refund).toBeNull();
    expect(await appointmentOf(booking.reference)).toMatchObject({
      status: 'cancelled',
      payment: 'expired',
    });
  });
});
