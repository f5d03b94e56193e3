import { render as renderElement } from '@react-email/components';
import { describe, expect, it } from 'vitest';
import type { MailMessage, RenderedMail } from './message.js';
import { renderMail, TEXT_OPTIONS } from './render.js';
import { templateFor } from './templates/index.js';
import { ALL_SAMPLES, CLINIC, SAMPLES } from './test/sample-messages.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const render = (message: MailMessage): Promise<RenderedMail> => renderMail(message, { now: NOW });

/** Any start or end tag, e.g. `<p>`, `</td>`, `<br/>`. */
const TAG = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i;

describe('renderMail, every kind', () => {
  it.each(ALL_SAMPLES.map((message) => [message.kind, message] as const))(
    '%s: a subject, an HTML and a plain-text part, and the clinic footer in both',
    async (_kind, message) => {
      const mail = await render(message);
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.subject).not.toMatch(/undefined|null|NaN/);
      expect(mail.html).toMatch(/^<!DOCTYPE html/);
      expect(mail.html).toContain('</html>');
      expect(mail.text.length).toBeGreaterThan(50);
      expect(mail.text).not.toMatch(TAG);
      for (const part of [mail.html, mail.text]) {
        expect(part).toContain(CLINIC.name);
        expect(part).toContain(CLINIC.address);
        expect(part).toContain(CLINIC.email);
        expect(part).toContain(CLINIC.phone);
        expect(part).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    },
  );

  it("has the text part React Email's plain-text render gives", async () => {
    for (const message of ALL_SAMPLES) {
      const { element } = templateFor(message);
      const plain = await renderElement(element, {
        plainText: true,
        htmlToTextOptions: TEXT_OPTIONS,
      });
      expect((await render(message)).text).toBe(plain);
    }
  });

  it("has the HTML React Email's render gives, less its stream's comment markers", async () => {
    for (const message of ALL_SAMPLES) {
      const streamed = await renderElement(templateFor(message).element);
      const markers = /<!--(?:\$|\/\$|html|head|body| )?-->/g;
      expect((await render(message)).html).toBe(streamed.replace(markers, ''));
    }
  });

  it('leaves the phone out of the footer when the clinic has none', async () => {
    const mail = await render({
      ...SAMPLES.appointment_reminder,
      clinic: { ...CLINIC, phone: '' },
    });
    expect(mail.html).not.toContain('tel:');
    expect(mail.text).toContain(`e-mail us at ${CLINIC.email}`);
  });
});

describe("times in the clinic's zone", () => {
  it('shows 20:30 UTC as 09:30 on Wednesday 9 December in Auckland, naming the zone', async () => {
    const mail = await render(SAMPLES.booking_confirmed);
    const when = 'Wednesday 9 December 2026, 09:30–10:00 (Pacific/Auckland)';
    expect(mail.text).toContain(when);
    expect(mail.html).toContain(when);
    expect(mail.subject).toBe('Booking confirmed: Consultation on Wed 9 Dec, 09:30 (CP-7KQ2)');
  });
});

describe('escaping', () => {
  it("escapes a patient's name in the HTML", async () => {
    const name = '<script>alert(1)</script>';
    const mail = await render({
      ...SAMPLES.clinic_new_booking,
      patient: { ...SAMPLES.clinic_new_booking.patient, name },
    });
    expect(mail.html).not.toContain(name);
    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('appointment.ics attachments', () => {
  const ics = (mail: RenderedMail) => {
    expect(mail.attachments).toHaveLength(1);
    const [file] = mail.attachments;
    expect(file?.filename).toBe('appointment.ics');
    return { contentType: file?.contentType, lines: (file?.content ?? '').split('\r\n') };
  };

  it('confirms with METHOD:PUBLISH and SEQUENCE:0', async () => {
    const { contentType, lines } = ics(await render(SAMPLES.booking_confirmed));
    expect(contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'UID:CP-7KQ2@clinicpay',
        'SEQUENCE:0',
        'DTSTAMP:20261201T000000Z',
        'DTSTART:20261208T203000Z',
        'DTEND:20261208T210000Z',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('moves the same event with its sequence on a reschedule', async () => {
    const { contentType, lines } = ics(
      await render({ ...SAMPLES.booking_rescheduled, calendar: { sequence: 3 } }),
    );
    expect(contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(lines).toEqual(
      expect.arrayContaining(['UID:CP-7KQ2@clinicpay', 'SEQUENCE:3', 'DTSTART:20261209T220000Z']),
    );
  });

  it('cancels the same event with METHOD:CANCEL and STATUS:CANCELLED', async () => {
    const { contentType, lines } = ics(await render(SAMPLES.booking_cancelled));
    expect(contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:CANCEL',
        'UID:CP-7KQ2@clinicpay',
        'SEQUENCE:2',
        'STATUS:CANCELLED',
      ]),
    );
    expect(lines.some((line) => line.startsWith('ORGANIZER;'))).toBe(true);
  });

  it('attaches nothing to a booking that was never confirmed, nor to other kinds', async () => {
    for (const cause of ['payment_failed', 'hold_lapsed'] as const) {
      const mail = await render({ ...SAMPLES.booking_cancelled, cause, refund: null });
      expect(mail.attachments).toEqual([]);
    }
    const withFile = new Set(['booking_confirmed', 'booking_rescheduled', 'booking_cancelled']);
    for (const message of ALL_SAMPLES.filter((m) => !withFile.has(m.kind))) {
      expect((await render(message)).attachments).toEqual([]);
    }
  });
});
