// Every time a message shows is in the clinic's zone, and the long forms name the zone, so a
// patient reading abroad knows which 09:30 is meant. Built from Intl parts, not a locale's
// pattern, so the text does not change with the runtime's ICU version.
import { LOCALE } from './locale.js';

type Parts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;

const WANTED = new Set<string>(['weekday', 'day', 'month', 'year', 'hour', 'minute']);
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      weekday: style,
      day: 'numeric',
      month: style,
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, found);
  }
  return found;
}

function partsOf(instant: Date, timeZone: string, style: 'long' | 'short'): Parts {
  const parts: Partial<Parts> = {};
  for (const part of formatter(timeZone, style).formatToParts(instant)) {
    if (WANTED.has(part.type)) parts[part.type as keyof Parts] = part.value;
  }
  return parts as Parts;
}

const dateOf = (p: Parts) => `${p.weekday} ${p.day} ${p.month} ${p.year}`;
const timeOf = (p: Parts) => `${p.hour}:${p.minute}`;

/** "Wednesday 9 December 2026" */
export function formatDate(instant: Date, timeZone: string): string {
  return dateOf(partsOf(instant, timeZone, 'long'));
}

/** "09:30" */
export function formatTime(instant: Date, timeZone: string): string {
  return timeOf(partsOf(instant, timeZone, 'long'));
}

/** "Wednesday 9 December 2026, 09:30 (Pacific/Auckland)" */
export function formatMoment(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone, 'long');
  return `${dateOf(p)}, ${timeOf(p)} (${timeZone})`;
}

/**
 * "Wednesday 9 December 2026, 09:30–10:00 (Pacific/Auckland)"; an appointment that ends on the
 * next day names both dates.
 */
export function formatSpan(startsAt: Date, endsAt: Date, timeZone: string): string {
  // One formatToParts per instant: each call costs more than the rest of the formatting.
  const starts = partsOf(startsAt, timeZone, 'long');
  const ends = partsOf(endsAt, timeZone, 'long');
  const startDate = dateOf(starts);
  const endDate = dateOf(ends);
  return startDate === endDate
    ? `${startDate}, ${timeOf(starts)}–${timeOf(ends)} (${timeZone})`
    : `${startDate}, ${timeOf(starts)} – ${endDate}, ${timeOf(ends)} (${timeZone})`;
}

/** "Wed 9 Dec" */
export function formatShortDate(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone, 'short');
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "Wed 9 Dec, 09:30": short enough for a subject line; the body names the zone. */
export function formatShort(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone, 'short');
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}`;
}
