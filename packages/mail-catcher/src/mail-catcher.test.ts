import { describe, expect, it } from 'vitest';
import type { ListedMessage } from './web/json-api';
import { bookingMail, getJson, send, startTestCatcher } from './test/helpers';

const ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Check-up\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

describe('startMailCatcher', () => {
  it('catches what nodemailer sends over SMTP, readable from messages() and the JSON API', async () => {
    const catcher = await startTestCatcher();
    expect(catcher.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(catcher.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    await send(
      catcher,
      bookingMail({
        to: ['Patient@Example.com'],
        bcc: 'records@clinic.test',
        messageId: '<booking-42@clinicpay.localhost>',
        headers: { 'X-Booking-Id': 'bk_42' },
        attachments: [{ filename: 'appointment.ics', content: ICS, contentType: 'text/calendar' }],
      }),
    );

    const [message] = catcher.messages();
    expect(message).toMatchObject({
      id: '1',
      messageId: '<booking-42@clinicpay.localhost>',
      from: '"Clinicpay demo" <bookings@clinicpay.localhost>',
      // As received: nodemailer lower-cases the domain, not the local part.
      to: ['Patient@example.com', 'records@clinic.test'],
      subject: 'Your appointment is booked',
      text: 'See you on Tuesday at 10:00.',
      html: '<p>See you on <strong>Tuesday</strong> at 10:00.</p>',
      attachments: [
        {
          filename: 'appointment.ics',
          contentType: 'text/calendar',
          size: Buffer.byteLength(ICS),
          content: Buffer.from(ICS).toString('base64'),
        },
      ],
    });
    expect(message?.headers['x-booking-id']).toBe('bk_42');
    expect(message?.headers['message-id']).toBe('<booking-42@clinicpay.localhost>');
    expect(message?.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(message?.raw).toContain('Subject: Your appointment is booked');

    const listed = await getJson<ListedMessage[]>(catcher, '/api/messages');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual(JSON.parse(JSON.stringify({ ...message, raw: undefined })));
    expect(listed[0]).not.toHaveProperty('raw');
  });

  it('unfolds long header values', async () => {
    const catcher = await startTestCatcher();
    const subject = `A long subject ${'that goes on '.repeat(8)}and ends here`;
    await send(catcher, bookingMail({ subject }));
    const [message] = catcher.messages();
    expect(message?.raw).toMatch(/Subject: [^\r]*\r\n /); // nodemailer did fold it
    expect(message?.headers.subject).toBe(subject);
    expect(message?.subject).toBe(subject);
  });

  it('waitFor resolves with the message as it arrives', async () => {
    const catcher = await startTestCatcher();
    const waiting = catcher.waitFor((m) => m.subject === 'Refund issued', 5000);
    await send(catcher, bookingMail({ subject: 'Refund issued' }));
    await expect(waiting).resolves.toMatchObject({ subject: 'Refund issued' });
  });

  it('waitFor rejects with a sentence when nothing matches in time', async () => {
    const catcher = await startTestCatcher();
    await expect(catcher.waitFor((m) => m.subject === 'never', 50)).rejects.toThrow(
      /^No e-mail matching the condition reached the mail catcher within 50 ms; none has arrived at all\.$/,
    );
  });

  it('pauseSmtp refuses connections; resumeSmtp listens again on the same port and keeps messages', async () => {
    const catcher = await startTestCatcher();
    await send(catcher, bookingMail({ subject: 'before' }));

    await catcher.pauseSmtp();
    await expect(send(catcher, bookingMail({ subject: 'while down' }))).rejects.toMatchObject({
      code: 'ESOCKET',
      message: expect.stringContaining('ECONNREFUSED'),
    });

    await catcher.resumeSmtp();
    await send(catcher, bookingMail({ subject: 'after' }));
    expect(catcher.messages().map((m) => m.subject)).toEqual(['before', 'after']);
  });

  it('refuse answers the chosen recipients with the rule’s code; the others still get the mail', async () => {
    const catcher = await startTestCatcher();
    catcher.refuse(({ to }) => {
      if (to === 'gone@example.com') return { code: 550, message: 'No such user here' };
      if (to === 'full@example.com') return { code: 451, message: 'Mailbox busy, try later' };
      return null;
    });

    await expect(send(catcher, bookingMail({ to: 'gone@example.com' }))).rejects.toMatchObject({
      responseCode: 550,
      response: '550 No such user here',
    });
    await expect(send(catcher, bookingMail({ to: 'full@example.com' }))).rejects.toMatchObject({
      responseCode: 451,
    });
    const mixed = await send(
      catcher,
      bookingMail({ to: ['gone@example.com', 'patient@example.com'], subject: 'mixed' }),
    );
    expect(mixed.rejected).toEqual(['gone@example.com']);
    expect(catcher.messages().map((m) => [m.subject, m.to])).toEqual([
      ['mixed', ['patient@example.com']],
    ]);

    catcher.refuse(null);
    await send(catcher, bookingMail({ to: 'gone@example.com', subject: 'accepted again' }));
    expect(catcher.messages().at(-1)?.to).toEqual(['gone@example.com']);
  });

  it('the rule sees the envelope sender', async () => {
    const catcher = await startTestCatcher();
    const seen: { from: string; to: string }[] = [];
    catcher.refuse((envelope) => {
      seen.push(envelope);
      return null;
    });
    await send(
      catcher,
      bookingMail({ envelope: { from: 'bounce@clinicpay.localhost', to: 'a@b.test' } }),
    );
    expect(seen).toEqual([{ from: 'bounce@clinicpay.localhost', to: 'a@b.test' }]);
  });

  it('clear empties the list; stop closes both ports', async () => {
    const catcher = await startTestCatcher();
    await send(catcher);
    catcher.clear();
    expect(catcher.messages()).toEqual([]);
    await catcher.stop();
    await expect(fetch(catcher.url)).rejects.toThrow();
    await expect(send(catcher)).rejects.toMatchObject({ code: 'ESOCKET' });
  });
});
