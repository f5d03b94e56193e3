import type { BookingStatus } from '../trpc.js';

// An iCalendar file (RFC 5545) for "Add to calendar": UTC times, so every calendar app shows the
// appointment at the right moment in its own zone.

function utc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Commas, semicolons, backslashes and newlines are escaped in TEXT values. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

export function appointmentIcs(booking: BookingStatus, now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Clinicpay//Patient booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${booking.reference}@clinicpay`,
    `DTSTAMP:${utc(now.toISOString())}`,
    `DTSTART:${utc(booking.startsAt)}`,
    `DTEND:${utc(booking.endsAt)}`,
    `SUMMARY:${text(`${booking.serviceName} at ${booking.clinic.name}`)}`,
    `LOCATION:${text(booking.clinic.address)}`,
    `DESCRIPTION:${text(`With ${booking.doctorName}. Booking reference ${booking.reference}.`)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
