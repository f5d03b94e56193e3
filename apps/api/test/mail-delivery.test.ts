// How the sender meets a mail server's refusals and failures, a crashed replica and hostile
// stored values: each message reaches its recipient once, or fails where the admin sees it.
import { claimDueMail } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { sendAllDueMail } from '../src/services/mail/mail-sender.js';
import { patient } from './support/booking.js';
import { bookAtClinic, outboxOf, receivedBy, slotsAhead, useMailCatcher } from './support/mail.js';
import { useTestStack } from './support/test-stack.js';

const stack = useTestStack();
const mail = useMailCatcher();
const runtime = () => stack.api.runtime;
const nextSlot = slotsAhead(runtime);
const payAtClinicBooking = (overrides: { patient?: typeof patient } = {}) =>
  bookAtClinic(runtime(), nextSlot, overrides.patient);
const sentTo = (address: string) => receivedBy(mail.catcher, address);

describe('delivering e-mail through trouble', () => {
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

  it("sends everything due in one of the job's rounds, batch after batch, each message once", async () => {
    for (let i = 0; i < 7; i++) await payAtClinicBooking();
    // Batches of 3 for 14 messages: the next batch is claimed while one is on the wire.
    const report = await sendAllDueMail(runtime(), mail.transport, { limit: 3 });
    expect([report.claimed, report.sent]).toEqual([14, 14]);
    const ids = mail.catcher.messages().map((m) => m.messageId);
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    expect((await sendAllDueMail(runtime(), mail.transport, { limit: 3 })).claimed).toBe(0);
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
});
