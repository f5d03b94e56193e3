import { describe, expect, it } from 'vitest';
import { bookingStatus } from '../test/fixtures.js';
import { appointmentIcs } from './ics.js';

// The builder itself is tested in @clinicpay/contracts; this checks what the booking supplies.
describe('appointmentIcs', () => {
  it("writes the booking's event in UTC with escaped text and CRLF lines", () => {
    const ics = appointmentIcs(bookingStatus(), new Date('2030-01-01T00:00:00Z'));
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:CP-7K2M9QXD@clinicpay',
        'SEQUENCE:0',
        'DTSTAMP:20300101T000000Z',
        'DTSTART:20300304T150000Z',
        'DTEND:20300304T153000Z',
        'SUMMARY:General consultation at Riverside Family Clinic',
        'LOCATION:120 Riverside Drive\\, New York\\, NY 10024',
        'DESCRIPTION:With Dr. Amara Okafor. Booking reference CP-7K2M9QXD.',
      ]),
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
