import { beforeAll, describe, expect, it } from 'vitest';
import type { RouterInputs, RouterOutputs } from '../src/index.js';
import { DEMO_DOCTORS } from '../src/seed/demo-clinic.data.js';
import { upsertAdmin } from '../src/testing.js';
import { dataOf, signIn, trpcMutation, trpcQuery } from './support/admin-http.js';
import { book, freeSlots, waitUntil } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';
import { payByCard } from './support/emulator-objects.js';

type Page = RouterOutputs['admin']['appointments']['list'];
type Detail = RouterOutputs['admin']['appointments']['get'];

const stack = useTestStack();
let cookie: string;
const booked: {
  reference: string;
  startsAt: string;
  doctorId: string;
  paymentMethod: 'stripe' | 'pay_at_clinic';
  name: string;
}[] = [];
beforeAll(async () => {
  cookie = await signIn(stack.api.url);
  const slots = (await freeSlots(stack.api.runtime)).filter((s) => s.doctorIds.length === 2);
  for (let i = 0; i < 6; i++) {
    const slot = slots[i]!;
    const doctorId = slot.doctorIds[i % 2]!;
    const paymentMethod = i % 3 === 0 ? 'pay_at_clinic' : 'stripe';
    const name = `Grace Hopper ${i}`;
    const { reference } = await book(stack.api.runtime, {
      startsAt: slot.startsAt,
      doctorId,
      paymentMethod,
      patient: { name, email: `grace${i}@example.com`, phone: '+1 555 0100' },
    });
    booked.push({ reference, startsAt: slot.startsAt, doctorId, paymentMethod, name });
  }
});

const list = async (input: RouterInputs['admin']['appointments']['list']) =>
  dataOf<Page>(await trpcQuery(stack.api.url, 'admin.appointments.list', input, { cookie }));
const references = (page: Page) => page.rows.map((r) => r.reference);
const idOf = async (reference: string) =>
  (
    await stack.api.db
      .selectFrom('appointments')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
  ).id;
const detail = async (reference: string) =>
  dataOf<Detail>(
    await trpcQuery(
      stack.api.url,
      'admin.appointments.get',
      { appointmentId: await idOf(reference) },
      { cookie },
    ),
  );
const act = async (name: string, reference: string, extra: object = {}) =>
  trpcMutation(
    stack.api.url,
    `admin.appointments.${name}`,
    { appointmentId: await idOf(reference), ...extra },
    { cookie },
  );

describe('the appointments list', () => {
  it('lists by start time, soonest first, and pages with a cursor', async () => {
    const first = await list({ limit: 4 });
    const second = await list({ limit: 4, cursor: first.nextCursor! });
    expect([...references(first), ...references(second)]).toEqual(booked.map((b) => b.reference));
    expect(second.nextCursor).toBeNull();
    expect(references(await list({ direction: 'desc' }))).toEqual(
      booked.map((b) => b.reference).reverse(),
    );
  });

  it('filters by date range, doctor, status and patient', async () => {
    const doctor = DEMO_DOCTORS[1].id;
    expect(references(await list({ doctorId: doctor }))).toEqual(
      booked.filter((b) => b.doctorId === doctor).map((b) => b.reference),
    );
    expect(references(await list({ from: booked[2]!.startsAt, to: booked[4]!.startsAt }))).toEqual([
      booked[2]!.reference,
      booked[3]!.reference,
    ]);
    expect(references(await list({ status: ['confirmed'] }))).toEqual(
      booked.filter((b) => b.paymentMethod === 'pay_at_clinic').map((b) => b.reference),
    );
    expect(references(await list({ patient: 'hopper 4' }))).toEqual([booked[4]!.reference]);
    expect(references(await list({ patient: 'GRACE5@example.com' }))).toEqual([
      booked[5]!.reference,
    ]);
    expect(references(await list({ patient: booked[1]!.reference.toLowerCase() }))).toEqual([
      booked[1]!.reference,
    ]);
  });

  it('refuses a tampered cursor with 400', async () => {
    const first = await list({ limit: 2 });
    const answer = await trpcQuery(
      stack.api.url,
      'admin.appointments.list',
      { limit: 2, cursor: first.nextCursor!.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')) },
      { cookie },
    );
    expect(answer.status).toBe(400);
  });

  it('shows one appointment with its payment, timeline and the actions that apply', async () => {
    const appointment = await detail(booked[0]!.reference);
    expect(appointment).toMatchObject({
      status: 'confirmed',
      paymentMethod: 'pay_at_clinic',
      patient: { name: 'Grace Hopper 0', email: 'grace0@example.com' },
      payment: { status: 'due_at_clinic', amount: { amount: 6000, currency: 'USD' } },
      actions: { cancel: true, markPaidAtClinic: true, markNoShow: false },
    });
    expect(appointment.timeline.map((e) => `${e.kind}:${e.to}`)).toEqual([
      'appointment:confirmed',
      'payment:due_at_clinic',
    ]);
  });
});

describe('admin actions on appointments', () => {
  it('marks Paid at clinic once', async () => {
    const reference = booked[0]!.reference;
    expect(dataOf<Detail>(await act('markPaidAtClinic', reference))).toMatchObject({
      payment: { status: 'paid_at_clinic' },
      actions: { markPaidAtClinic: false },
    });
    const again = await act('markPaidAtClinic', reference);
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toBe(
      'This payment is paid at clinic, not due at the clinic.',
    );
  });

  it('cancels a paid booking with a refund', async () => {
    const reference = booked[1]!.reference;
    payByCard(stack, reference);
    await waitUntil(
      () => detail(reference),
      (a) => a.status === 'confirmed',
    );
    const cancelled = dataOf<RouterOutputs['admin']['appointments']['cancel']>(
      await act('cancel', reference, { refund: 'full', reason: 'Doctor unavailable' }),
    );
    expect(cancelled).toMatchObject({
      refund: { status: 'succeeded', amount: 6000 },
      appointment: { status: 'cancelled', payment: { status: 'refunded', amountRefunded: 6000 } },
    });
  });

  it('keeps the money only with a recorded reason', async () => {
    const reference = booked[2]!.reference;
    payByCard(stack, reference);
    await waitUntil(
      () => detail(reference),
      (a) => a.status === 'confirmed',
    );
    const refused = await act('cancel', reference, { refund: 'none' });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toBe(
      'Give a reason for keeping the payment, or cancel with a refund.',
    );
    const kept = dataOf<RouterOutputs['admin']['appointments']['cancel']>(
      await act('cancel', reference, { refund: 'none', reason: 'Late cancellation fee' }),
    );
    expect(kept).toMatchObject({
      refund: null,
      appointment: { status: 'cancelled', payment: { status: 'completed' } },
    });
    expect(
      kept.appointment.timeline.some((e) => e.reason === 'kept_by_admin: Late cancellation fee'),
    ).toBe(true);
    const audit = await stack.api.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'appointment.cancelled')
      .execute();
    expect(audit.map((a) => a.details)).toContainEqual({
      refund: 'none',
      reason: 'Late cancellation fee',
    });
  });

  it("lets the front desk cancel with the booking's policy refund, and no other", async () => {
    const desk = { email: 'desk@clinic.test', password: 'desk-password-123' };
    await upsertAdmin(stack.api.db, { ...desk, name: 'Dee Desk', role: 'front_desk' });
    const deskCookie = await signIn(stack.api.url, desk);
    const reference = booked[4]!.reference;
    payByCard(stack, reference);
    const paid = await waitUntil(
      () => detail(reference),
      (a) => a.status === 'confirmed',
    );
    // Booked days ahead under the default policy: cancelling now gives all of it back.
    expect(paid.policyRefund).toEqual({ percent: 100, amount: 6000 });
    const asDesk = async (extra: object) =>
      trpcMutation(
        stack.api.url,
        'admin.appointments.cancel',
        { appointmentId: await idOf(reference), ...extra },
        { cookie: deskCookie },
      );
    for (const refund of ['full', 'none']) {
      const refused = await asDesk({ refund, reason: 'Because' });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.data.appCode).toBe('not_permitted');
    }
    const cancelled = dataOf<RouterOutputs['admin']['appointments']['cancel']>(
      await asDesk({ refund: 'policy' }),
    );
    expect(cancelled).toMatchObject({
      refund: { status: 'succeeded', amount: 6000 },
      appointment: { status: 'cancelled', payment: { status: 'refunded' } },
    });
  });

  it('answers unknown appointments and bad input on their fields', async () => {
    const missing = await trpcQuery(
      stack.api.url,
      'admin.appointments.get',
      { appointmentId: '00000000-0000-4000-8000-000000000000' },
      { cookie },
    );
    expect(missing.status).toBe(404);
    const bad = await trpcMutation(
      stack.api.url,
      'admin.appointments.cancel',
      { appointmentId: 'x', refund: 'yes' },
      { cookie },
    );
    expect(bad.body.error?.data.fieldErrors?.map((f) => f.path)).toEqual([
      'appointmentId',
      'refund',
    ]);
  });

  // Last: it moves both clocks a month ahead.
  it('marks a no-show only once its time has come', async () => {
    const reference = booked[3]!.reference;
    expect((await act('markNoShow', reference)).status).toBe(409);
    stack.advance(30 * 86_400);
    cookie = await signIn(stack.api.url); // a month later the session has long ended
    expect(dataOf<Detail>(await act('markNoShow', reference))).toMatchObject({
      status: 'no_show',
      actions: { cancel: false, markNoShow: false },
    });
  });
});
