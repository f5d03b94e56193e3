// An iCalendar file (RFC 5545) for one appointment, from plain data: the patient app's "Add to
// calendar" download and the e-mailed invites are built here, so both are the same event (one UID)
// and a later file (higher SEQUENCE) updates or cancels it. Times are UTC, so every calendar app
// shows the appointment at the right moment in its own zone. No Node or DOM APIs: the SPAs use it.

export interface AppointmentIcsInput {
  /** Stable for every file about one appointment: `appointmentUid(reference)`. */
  uid: string;
  /** 0 for the first file; each change (reschedule, cancel) sends a higher one. */
  sequence: number;
  /** PUBLISH adds or updates the event; CANCEL removes it. */
  method: 'PUBLISH' | 'CANCEL';
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  /** Who the event is from; iTIP (RFC 5546) wants one on a CANCEL for calendars to apply it. */
  organizer?: { name: string; email: string };
  /** When the file was made (DTSTAMP). */
  now: Date;
}

/** The UID every file about a booking carries, whoever builds it. */
export function appointmentUid(reference: string): string {
  return `${reference}@clinicpay`;
}

export function appointmentIcs(input: AppointmentIcsInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Clinicpay//Appointments//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utc(input.now)}`,
    `DTSTART:${utc(input.startsAt)}`,
    `DTEND:${utc(input.endsAt)}`,
    `STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${text(input.summary)}`,
    `LOCATION:${text(input.location)}`,
    `DESCRIPTION:${text(input.description)}`,
    ...(input.organizer
      ? [`ORGANIZER;CN=${param(input.organizer.name)}:mailto:${input.organizer.email}`]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('');
}

/** `20301204T150000Z`: a DATE-TIME in UTC, seconds kept, milliseconds dropped. */
function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Commas, semicolons, backslashes and newlines are escaped in TEXT values. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** A parameter value is quoted, and may not hold a double quote or a control character at all. */
function param(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\x00-\x1f\x7f]/g, '')}"`;
}

const MAX_OCTETS = 75;

/**
 * One content line, ended by CRLF and folded so no line passes 75 octets of UTF-8: each
 * continuation starts with a space (which counts), and a character is never split.
 */
function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return `${out}\r\n`;
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
