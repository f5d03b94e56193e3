import { addDays, fromLocal, toLocal, type LocalDate } from '@clinicpay/contracts';

// Every time the admin reads or types is the clinic's wall-clock time, whatever the device's zone.

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    cache.set(key, found);
  }
  return found;
}

/** "Dec 1, 2026, 10:05 AM" in the clinic's zone. */
export function formatDateTime(instant: string | Date, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** "Dec 1, 2026". */
export function formatDate(instant: string | Date, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium' }).format(new Date(instant));
}

/** "10:05 AM". */
export function formatTime(instant: string | Date, timeZone: string): string {
  return formatter(timeZone, { timeStyle: 'short' }).format(new Date(instant));
}

/** A local date (`2026-12-01`) as "Dec 1", read at noon UTC so no zone can shift it. */
export function formatLocalDay(date: LocalDate): string {
  return formatter('UTC', { month: 'short', day: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/** The start of a local date as an instant (ISO), for a "from" filter. */
export function startOfLocalDay(date: LocalDate, timeZone: string): string {
  return (fromLocal(date, 0, timeZone) ?? new Date(`${date}T00:00:00Z`)).toISOString();
}

/** The end of a local date (the next day's start), so "to Dec 1" includes all of Dec 1. */
export function endOfLocalDay(date: LocalDate, timeZone: string): string {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/** `2026-12-01T09:30` (a datetime-local input's value) in the clinic's zone as an ISO instant. */
export function instantOfLocalDateTime(value: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, date = '', hours = '0', minutes = '0'] = match;
  return fromLocal(date, Number(hours) * 60 + Number(minutes), timeZone)?.toISOString() ?? null;
}

/** Today's date at the clinic. */
export function clinicToday(timeZone: string, now: Date = new Date()): LocalDate {
  return toLocal(now, timeZone).date;
}
