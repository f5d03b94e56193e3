// Wall-clock time in a clinic's IANA time zone, converted with Intl only (no time zone data of
// our own). Opening hours are "09:00–17:00 local"; the instants they mean shift with DST.

/** A calendar date in the clinic's zone, `YYYY-MM-DD`. */
export type LocalDate = string;

export interface LocalDateTime {
  date: LocalDate;
  /** Minutes after local midnight, 0–1439. */
  minuteOfDay: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(instant: Date, timeZone: string) {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return values as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -5 h). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const p = parts(instant, timeZone);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return { date, minuteOfDay: p.hour * 60 + p.minute, weekday: weekdayOf(date) };
}

/**
 * The instant a local wall-clock time names, or null when that time does not exist (skipped by
 * a DST jump forward). A repeated time (DST jump back) resolves to its first occurrence.
 */
export function fromLocal(date: LocalDate, minuteOfDay: number, timeZone: string): Date | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // Try the offsets in force just before and after; the earliest that round-trips wins.
  const candidates = [
    offsetMs(new Date(wallAsUtc - 86_400_000), timeZone),
    offsetMs(new Date(wallAsUtc + 86_400_000), timeZone),
  ]
    .map((offset) => new Date(wallAsUtc - offset))
    .sort((a, b) => a.getTime() - b.getTime());
  for (const candidate of candidates) {
    const local = toLocal(candidate, timeZone);
    if (local.date === date && local.minuteOfDay === minuteOfDay) return candidate;
  }
  return null;
}

export function weekdayOf(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
