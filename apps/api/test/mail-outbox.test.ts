import { claimDueMail } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { createTestCaller } from '../src/testing.js';
import { cancelAppointmentByAdmin } from '../src/services/cancellation/cancel-by-clinic.service.js';
import { queueConfirmedMail, queueRescheduledMail } from '../src/services/mail/queue-mail.js';
import { createLogger } from '../src/logger.js';
import { startMailSender } from '../src/services/mail/mail-job.js';
import { sendDueMail } from '../src/services/mail/mail-sender.js';
import { refundPayment } from '../src/services/refunds/refund.service.js';
import { book, freeSlots, patient, waitUntil } from './support/booking.js';
import { payByCard } from './support/emulator-objects.js';
import { adminCaller, signIn } from './support/admin-http.js';
import { appointmentIdOf, outboxOf, useMailCatcher } from './support/mail.js';
import { useTestStack } from './support/test-stack.js';

const stack = useTestStack();
const mail = useMailCatcher();
// Signed in when needed: these tests move the clock by days, past any session.
const signedInAdmin = async () => adminCaller(runtime(), await signIn(stack.api.url));
const runtime = () => stack.api.runtime;

// Two days ahead at least, so every booking is outside its reminder window (24 h) when made.
let slotIndex = 0;
async function nextSlot() {
  const later = (await freeSlots(runtime())).filter(
    (s) => new Date(s.startsAt).getTime() - runtime().clock.now().getTime() > 48 * 3600_000,
  );
  return later[slotIndex++]!;
}

async function payAtClinicBooking(overrides: { patient?: typeof patient } = {}) {
  const slot = await nextSlot();
  const booking = await book(runtime(), {
    startsAt: slot.startsAt,
    paymentMethod: 'pay_at_clinic',
    ...overrides,
  });
  return { booking, appointmentId: await appointmentIdOf(runtime(), booking.reference) };
}

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

const sentTo = (address: string) =>
  mail.catcher.messages().filter((m) => m.to.some((to) => to.toLowerCase() === address));

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
      refund: false,
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
      refund: false,
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

  it('fails an address the server refuses for good at once, and tells the clinic', async () => {
    const refused = { ...patient, email: 'nobody@refused.example' };
    const { appointmentId } = await payAtClinicBooking({ patient: refused });
    mail.catcher.refuse(({ to }) =>
      to === refused.email ? { code: 550, message: '5.1.1 No such user' } : null,
    );
    try {
      await mail.send(runtime());
      const confirmed = (await outboxOf(runtime(), appointmentId)).find(
        (r) => r.kind === 'booking_confirmed',
      )!;
      expect([confirmed.status, confirmed.attempts]).toEqual(['failed', 1]);
      expect(confirmed.last_error).toContain('550');
      // The clinic hears of it in the next round.
      await mail.send(runtime());
      const notice = mail.catcher.messages().find((m) => m.subject.startsWith('Not delivered'));
      expect(notice?.to).toEqual(['reception@riverside-clinic.example']);
      expect(notice?.text).toContain(refused.email);
    } finally {
      mail.catcher.refuse(null);
    }
  });

  it('retries a transient refusal with backoff and sends it once it passes', async () => {
    const busy = { ...patient, email: 'busy@greylisted.example' };
    const { appointmentId } = await payAtClinicBooking({ patient: busy });
    mail.catcher.refuse(({ to }) =>
      to === busy.email ? { code: 451, message: '4.7.1 Try again later' } : null,
    );
    await mail.send(runtime());
    let confirmed = (await outboxOf(runtime(), appointmentId)).find(
      (r) => r.kind === 'booking_confirmed',
    )!;
    expect([confirmed.status, confirmed.attempts]).toEqual(['pending', 1]);
    // Due again in 30 s (the clock of the stack runs on meanwhile).
    const wait = confirmed.due_at.getTime() - runtime().clock.now().getTime();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    mail.catcher.refuse(null);
    stack.advance(31);
    await mail.send(runtime());
    confirmed = (await outboxOf(runtime(), appointmentId)).find(
      (r) => r.kind === 'booking_confirmed',
    )!;
    expect([confirmed.status, confirmed.attempts]).toEqual(['sent', 2]);
    expect(sentTo(busy.email)).toHaveLength(1);
  });

  it('sends what was due once the SMTP server is back after ten minutes down, once each', async () => {
    const { appointmentId } = await payAtClinicBooking();
    await mail.catcher.pauseSmtp();
    try {
      for (let minute = 0; minute < 10; minute++) {
        await mail.send(runtime());
        stack.advance(60);
      }
    } finally {
      await mail.catcher.resumeSmtp();
    }
    stack.advance(10 * 60);
    await mail.send(runtime());
    const rows = await outboxOf(runtime(), appointmentId);
    expect(rows.find((r) => r.kind === 'booking_confirmed')!.status).toBe('sent');
    expect(sentTo(patient.email)).toHaveLength(1);
    expect(mail.catcher.messages().filter((m) => m.subject.includes('New booking'))).toHaveLength(
      1,
    );
  });

  it('resends a message a crashed sender left half-done with the same Message-ID', async () => {
    const { appointmentId } = await payAtClinicBooking();
    // A sender claims, then dies before recording anything.
    const claimed = await claimDueMail(runtime().db, {
      now: runtime().clock.now(),
      limit: 10,
      leaseMs: 120_000,
      messageIdDomain: 'harbour.example',
    });
    const first = claimed.find((r) => r.kind === 'booking_confirmed')!;
    expect(await mail.send(runtime())).toMatchObject({ claimed: 0 });
    stack.advance(121);
    await mail.send(runtime());
    const [confirmation] = sentTo(patient.email);
    expect(confirmation!.messageId).toBe(first.message_id);
    const row = (await outboxOf(runtime(), appointmentId)).find((r) => r.id === first.id)!;
    expect([row.status, row.attempts]).toEqual(['sent', 2]);
  });

  it('sends each message once when two replicas send at the same moment', async () => {
    for (let i = 0; i < 6; i++) await payAtClinicBooking();
    const reports = await Promise.all([mail.send(runtime()), mail.send(runtime())]);
    expect(reports[0].sent + reports[1].sent).toBe(12);
    const ids = mail.catcher.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cannot be made to add a header or a recipient through a patient name', async () => {
    const sly = { ...patient, name: 'Eve\r\nBcc: victim@elsewhere.example\r\nX-Injected: yes' };
    const { appointmentId } = await payAtClinicBooking({ patient: sly }).catch(async () => {
      // The booking form refuses such a name; the sender must be safe even if one got stored.
      const { appointmentId } = await payAtClinicBooking();
      await runtime()
        .db.updateTable('patients')
        .set({ name: sly.name })
        .where(
          'id',
          '=',
          runtime()
            .db.selectFrom('appointments')
            .select('patient_id')
            .where('id', '=', appointmentId),
        )
        .execute();
      return { appointmentId };
    });
    await mail.send(runtime());
    const messages = mail.catcher
      .messages()
      .filter((m) => m.headers['x-clinicpay-fact']?.includes(appointmentId));
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.headers['x-injected']).toBeUndefined();
      expect(message.headers.bcc).toBeUndefined();
      expect(message.to).not.toContain('victim@elsewhere.example');
    }
  });

  it('cannot be made to add a recipient through a stored e-mail address', async () => {
    const { appointmentId } = await payAtClinicBooking();
    await runtime()
      .db.updateTable('patients')
      .set({ email: 'eve@example.com\r\nBcc: victim@elsewhere.example' })
      .where(
        'id',
        '=',
        runtime()
          .db.selectFrom('appointments')
          .select('patient_id')
          .where('id', '=', appointmentId),
      )
      .execute();
    await mail.send(runtime());
    const everyone = mail.catcher.messages().flatMap((m) => m.to);
    expect(everyone).not.toContain('victim@elsewhere.example');
    expect(everyone).not.toContain('eve@example.com');
    const confirmed = (await outboxOf(runtime(), appointmentId)).find(
      (r) => r.kind === 'booking_confirmed',
    )!;
    expect(confirmed.status).toBe('failed');
    expect(confirmed.last_error).toContain('is not a single e-mail address');
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
