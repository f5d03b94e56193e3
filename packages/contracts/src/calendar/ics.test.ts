import { describe, expect, it } from 'vitest';
import { appointmentIcs, appointmentUid, type AppointmentIcsInput } from './ics.js';

const input: AppointmentIcsInput = {
  uid: appointmentUid('CP-7K2M9QXD'),
  sequence: 0,
  method: 'PUBLISH',
  startsAt: new Date('2030-03-04T15:00:00Z'),
  endsAt: new Date('2030-03-04T15:30:00Z'),
  summary: 'General consultation at Riverside Family Clinic',
  location: '120 Riverside Drive, New York, NY 10024',
  description: 'With Dr. Amara Okafor; reference CP-7K2M9QXD.\nCall us to change it.',
  now: new Date('2030-01-01T00:00:00.123Z'),
};

/** The content lines, folded lines joined again (RFC 5545 3.1). */
function unfolded(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

/** UTF-8 length without TextEncoder, as the builder counts it. */
function octets(line: string): number {
  return [...line].reduce((sum, c) => {
    const cp = c.codePointAt(0) ?? 0;
    return sum + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }, 0);
}

describe('appointmentIcs', () => {
  it('writes one event in UTC with its UID, SEQUENCE and escaped text, CRLF lines', () => {
    const ics = appointmentIcs(input);
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:CP-7K2M9QXD@clinicpay',
        'SEQUENCE:0',
        'DTSTAMP:20300101T000000Z',
        'DTSTART:20300304T150000Z',
        'DTEND:20300304T153000Z',
        'STATUS:CONFIRMED',
        'SUMMARY:General consultation at Riverside Family Clinic',
        'LOCATION:120 Riverside Drive\\, New York\\, NY 10024',
      ]),
    );
    expect(unfolded(ics)).toContain(
      'DESCRIPTION:With Dr. Amara Okafor\\; reference CP-7K2M9QXD.\\nCall us to change it.',
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('cancels the same event with METHOD:CANCEL, STATUS:CANCELLED and a higher SEQUENCE', () => {
    const ics = appointmentIcs({
      ...input,
      method: 'CANCEL',
      sequence: 2,
      organizer: { name: 'Riverside "Family" Clinic', email: 'desk@riverside.example' },
    });
    const lines = unfolded(ics);
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:CANCEL',
        'UID:CP-7K2M9QXD@clinicpay',
        'SEQUENCE:2',
        'STATUS:CANCELLED',
        'ORGANIZER;CN="Riverside Family Clinic":mailto:desk@riverside.example',
      ]),
    );
    expect(lines).not.toContain('STATUS:CONFIRMED');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const summary = `Consultation ${'é'.repeat(40)} ${'x'.repeat(60)} 🩺 ${'ü'.repeat(30)}`;
    const ics = appointmentIcs({ ...input, summary });
    const physical = ics.split('\r\n').slice(0, -1);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const line of physical) expect(line).not.toMatch(loneSurrogate);
    expect(unfolded(ics)).toContain(`SUMMARY:${summary}`);
  });
});
