import { describe, expect, it } from 'vitest';
import { createTestCaller } from '../src/testing.js';
import { cancelAppointmentByAdmin } from '../src/services/cancellation/cancel-by-clinic.service.js';
import { queueConfirmedMail, queueRescheduledMail } from '../src/services/mail/queue-mail.js';
import { createLogger } from '../src/logger.js';
import { startMailSender } from '../src/services/mail/mail-job.js';
import { sendDueMail } from '../src/services/mail/mail-sender.js';
import { refundPayment } from '../src/services/refunds/refund.service.js';
import { book, patient, waitUntil } from './support/booking.js';
import { payByCard } from './support/emulator-objects.js';
import { adminCaller, signIn } from './support/admin-http.js';
import {
  appointmentIdOf,
  bookAtClinic,
  outboxOf,
  receivedBy,
  slotsAhead,
  useMailCatcher,
} from './support/mail.js';
import { useTestStack } from './support/test-stack.js';

const stack = useTestStack();
const mail = useMailCatcher();
// Signed in when needed: these tests move the clock by days, past any session.
const signedInAdmin = async () => adminCaller(runtime(), await signIn(stack.api.url));
const runtime = () => stack.api.runtime;

const nextSlot = slotsAhead(runtime);
const payAtClinicBooking = (overrides: { patient?: typeof patient } = {}) =>
  bookAtClinic(runtime(), nextSlot, overrides.patient);

async function paidBooking() {
  const slot = await nextSlot();
  const booking = await book(runtime(), { startsAt: slot.startsAt });
  const session = payByCard(stack, booking.reference);
  const payment = await waitUntil(
    () =>
      stack.api.db
        .selectFrom('payments')
        .select(['id', 'status'])
        .where('checkout_session_id', '=', session.id)
        .executeTakeFirstOrThrow(),
    (p) => p.status === 'completed',
  );
  await stack.stripe.control.waitForDeliveries();
  return { booking, payment, appointmentId: await appointmentIdOf(runtime(), booking.reference) };
}

const sentTo = (address: string) => receivedBy(mail.catcher, address);

describe('the e-mail outbox', () => {
  it('writes a confirmation, a clinic notice and a reminder with a pay-at-clinic booking, and sends them', async () => {
    const { booking, appointmentId } = await payAtClinicBooking();
    const rows = await outboxOf(runtime(), appointmentId);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['appointment_reminder', 'pending'],
      ['booking_confirmed', 'pending'],
      ['clinic_new_booking', 'pending'],
    ]);

    const report = await mail.send(runtime());
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    const [confirmation] = sentTo(patient.email);
    expect(confirmation!.subject).toContain(booking.reference);
    expect(confirmation!.attachments.map((a) => a.filename)).toEqual(['appointment.ics']);
    expect(confirmation!.messageId).toBe(
      (await outboxOf(runtime(), appointmentId)).find((r) => r.kind === 'booking_confirmed')!
        .message_id,
    );
    // The link in the message opens the booking: its token is the booking's own.
    const link = /https?:\/\/\S+\/booking\/[^\s"<>]+/.exec(confirmation!.text)![0];
    const url = new URL(link.replaceAll('&amp;', '&'));
    const token = url.searchParams.get('token')!;
    const status = await createTestCaller(runtime()).booking.status({
      reference: booking.reference,
      token,
    });
    expect(status.status).toBe('confirmed');

    const clinic = mail.catcher.messages().find((m) => m.subject.includes('New booking'))!;
    expect(clinic.to).toEqual(['reception@riverside-clinic.example']);

    // The reminder waits for its time (24 h before), then goes.
    expect(sentTo(patient.email)).toHaveLength(1);
    const reminder = (await outboxOf(runtime(), appointmentId)).find(
      (r) => r.kind === 'appointment_reminder',
    )!;
    stack.advance((reminder.due_at.getTime() - runtime().clock.now().getTime()) / 1000 + 1);
    await mail.send(runtime());
    expect(sentTo(patient.email).map((m) => m.subject)).toEqual([
      confirmation!.subject,
      expect.stringContaining('Reminder'),
    ]);
  });

  it('writes one row per fact, however often the fact is reported', async () => {
    const { appointmentId } = await payAtClinicBooking();
    await queueConfirmedMail(runtime().db, appointmentId, runtime().clock.now());
    await queueConfirmedMail(runtime().db, appointmentId, runtime().clock.now());
    expect(await outboxOf(runtime(), appointmentId)).toHaveLength(3);
  });

  it('confirms a card payment once, even when Stripe delivers its events again', async () => {
    const { booking, appointmentId } = await paidBooking();
    const about = (e: { data: { object: unknown } }) =>
      (e.data.object as { metadata?: Record<string, string> }).metadata?.booking_reference ===
      booking.reference;
    for (const event of stack.stripe.control.events().filter(about))
      stack.stripe.control.resendEvent(event.id);
    await stack.stripe.control.waitForDeliveries();
    const kinds = (await outboxOf(runtime(), appointmentId)).map((r) => r.kind);
    expect(kinds.filter((k) => k === 'booking_confirmed')).toHaveLength(1);
    await mail.send(runtime());
    const confirmation = sentTo(patient.email).find((m) => m.subject.includes(booking.reference))!;
    expect(confirmation.text).toContain('Stripe');
  });

  it('tells the patient of a refund with its amount', async () => {
    const { booking, payment, appointmentId } = await paidBooking();
    await mail.send(runtime());
    mail.catcher.clear();
    await refundPayment(runtime(), {
      paymentId: payment.id,
      amount: 2000,
      reason: 'requested_by_customer',
      requestedBy: 'admin:a@clinic.test',
      idempotencyKey: `mail-refund-${appointmentId}`,
    });
    await stack.stripe.control.waitForDeliveries();
    await mail.send(runtime());
    const [refund] = sentTo(patient.email);
    expect(refund!.subject).toContain(booking.reference);
    expect(refund!.text).toContain('$20.00');
    expect(refund!.text).toContain('$60.00');
  });

  it('drops a confirmation of a booking cancelled before it went, and sends the cancellation', async () => {
    const { appointmentId } = await payAtClinicBooking();
    await cancelAppointmentByAdmin(runtime(), {
      appointmentId,
      refund: 'none',
      reason: 'Doctor unwell',
      actor: 'admin:a@clinic.test',
    });
    await mail.send(runtime());
    const rows = await outboxOf(runtime(), appointmentId);
    expect(rows.map((r) => [r.kind, r.status, r.drop_reason])).toEqual([
      ['appointment_reminder', 'dropped', 'booking_cancelled'],
      ['booking_cancelled', 'sent', null],
      ['booking_confirmed', 'dropped', 'booking_cancelled'],
      ['clinic_cancellation', 'sent', null],
      ['clinic_new_booking', 'sent', null],
    ]);
    const cancelled = sentTo(patient.email);
    expect(cancelled).toHaveLength(1);
    const ics = Buffer.from(cancelled[0]!.attachments[0]!.content, 'base64').toString();
    expect(ics).toContain('METHOD:CANCEL');
  });

  it('tells of a move with the same calendar event, one revision on, and plans the reminder anew', async () => {
    const { booking, appointmentId } = await payAtClinicBooking();
    await mail.send(runtime());
    // What a reschedule does: the appointment moves, and the move's messages are written with it.
    const target = await nextSlot();
    const previousStartsAt = new Date(booking.startsAt);
    await runtime()
      .db.transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('appointments')
          .set({ starts_at: new Date(target.startsAt), ends_at: new Date(target.endsAt) })
          .where('id', '=', appointmentId)
          .execute();
        await queueRescheduledMail(trx, { appointmentId, previousStartsAt }, runtime().clock.now());
      });
    await mail.send(runtime());
    const [confirmed, moved] = sentTo(patient.email);
    const icsOf = (m: typeof moved) => Buffer.from(m!.attachments[0]!.content, 'base64').toString();
    expect(moved!.subject).toContain(booking.reference);
    expect(icsOf(moved)).toContain('SEQUENCE:1');
    const uid = (ics: string) => /UID:(.+)/.exec(ics)![1];
    expect(uid(icsOf(moved))).toBe(uid(icsOf(confirmed)));
    const reminders = (await outboxOf(runtime(), appointmentId)).filter(
      (r) => r.kind === 'appointment_reminder',
    );
    expect(reminders.map((r) => r.fact_key.split(':').slice(2).join(':')).sort()).toEqual(
      [previousStartsAt.toISOString(), new Date(target.startsAt).toISOString()].sort(),
    );

    await cancelAppointmentByAdmin(runtime(), {
      appointmentId,
      refund: 'none',
      reason: 'Doctor unwell',
      actor: 'admin:a@clinic.test',
    });
    await mail.send(runtime());
    const cancelled = sentTo(patient.email).at(-1)!;
    expect(icsOf(cancelled)).toContain('SEQUENCE:2');
    expect(icsOf(cancelled)).toContain('METHOD:CANCEL');
  });

  it('drops what is past its moment: a confirmation days late is not sent', async () => {
    const { appointmentId } = await payAtClinicBooking();
    stack.advance(3 * 24 * 3600);
    const report = await mail.send(runtime());
    expect(report.expired).toBeGreaterThanOrEqual(2);
    const rows = await outboxOf(runtime(), appointmentId);
    const confirmed = rows.find((r) => r.kind === 'booking_confirmed')!;
    expect([confirmed.status, confirmed.drop_reason]).toEqual(['dropped', 'expired']);
    expect(sentTo(patient.email)).toHaveLength(0);
  });

  it('waits without SMTP: nothing is claimed, expiry still runs, and the admin is told e-mail is off', async () => {
    const { appointmentId } = await payAtClinicBooking();
    const report = await sendDueMail(runtime(), null);
    expect(report.claimed).toBe(0);
    expect((await outboxOf(runtime(), appointmentId)).every((r) => r.status === 'pending')).toBe(
      true,
    );
    const admin = await signedInAdmin();
    expect(await admin.admin.mail.settings()).toMatchObject({ sending: 'off' });
    await expect(admin.admin.mail.sendTest({ to: 'owner@example.com' })).rejects.toMatchObject({
      message: expect.stringContaining('E-mail is off: set SMTP_URL'),
    });
    stack.advance(3 * 24 * 3600);
    expect((await sendDueMail(runtime(), null)).expired).toBeGreaterThanOrEqual(2);
  });

  it('in production without SMTP_URL, the sender starts and logs one warning saying what to set', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (l: string) => lines.push(l) },
    });
    const config = runtime().config;
    const production = {
      ...config,
      nodeEnv: 'production' as const,
      mail: { ...config.mail, smtpUrl: undefined },
    };
    const sender = startMailSender(
      { ...runtime(), config: production, logger },
      { intervalMs: 60_000 },
    );
    await sender.stop();
    const warnings = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/^SMTP_URL is not set, so e-mail is off/);
  });
});
