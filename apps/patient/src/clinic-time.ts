import { toLocal, type LocalDate } from '@clinicpay/contracts';

// Every time a patient reads is the clinic's wall-clock time, formatted by Intl in its zone.

const cache = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, { timeZone, ...options });
    cache.set(key, formatter);
  }
  return formatter;
}

/** "9:30 AM" (or "09:30", by the reader's locale) in the clinic's zone. */
export function formatTime(instant: string | Date, timeZone: string): string {
  return format(timeZone, { hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

/** "Friday, 27 November 2026" in the clinic's zone. */
export function formatDate(instant: string | Date, timeZone: string): string {
  return format(timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

/** A local date (`2026-11-27`) as "Friday, 27 November", read at noon UTC so no zone can shift it. */
export function formatLocalDate(date: LocalDate): string {
  return format('UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The zone's name as people say it: "Eastern Time" (falls back to the IANA name). */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  const part = format(timeZone, { timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Today's date at the clinic. */
export function clinicToday(timeZone: string, now: Date = new Date()): LocalDate {
  return toLocal(now, timeZone).date;
}

/** "2:32 PM", with the clinic's zone named when the device is elsewhere ("2:32 PM Eastern Time"). */
export function formatClockTime(instant: string | Date, timeZone: string): string {
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const time = formatTime(instant, timeZone);
  return deviceZone === timeZone ? time : `${time} ${zoneName(timeZone, new Date(instant))}`;
}
