import { describe, expect, it } from 'vitest';
import { bookingStatus } from '../test/fixtures.js';
import { appointmentIcs } from './ics.js';

describe('appointmentIcs', () => {
  it('writes one event in UTC with escaped text and CRLF lines', () => {
    const ics = appointmentIcs(bookingStatus(), new Date('2030-01-01T00:00:00Z'));
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:CP-7K2M9QXD@clinicpay',
        'DTSTAMP:20300101T000000Z',
        'DTSTART:20300304T150000Z',
        'DTEND:20300304T153000Z',
        'SUMMARY:General consultation at Riverside Family Clinic',
        'LOCATION:120 Riverside Drive\\, New York\\, NY 10024',
      ]),
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
