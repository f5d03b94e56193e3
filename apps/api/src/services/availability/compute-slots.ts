import { datesBetween, fromLocal, weekdayOf, type LocalDate } from '@clinicpay/contracts';

export interface WeeklyInterval {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export interface SlotInput {
  timeZone: string;
  from: LocalDate;
  to: LocalDate;
  durationMinutes: number;
  weeklyHours: WeeklyInterval[];
  /** Time off and active appointments: anything that overlaps is not offered. */
  busy: Interval[];
  /** Slots must start at or after this instant (now plus the lead time). */
  notBefore: Date;
  /** Slots must start before this instant (the booking horizon). */
  notAfter: Date;
}

export interface Slot {
  /** The clinic-local date the slot falls on. */
  date: LocalDate;
  startsAt: Date;
}

/**
 * One doctor's free slots. Slots follow the working intervals in the clinic's wall-clock time,
 * one after another at the service's duration, so "09:00, 09:30, …" holds on both sides of a DST
 * change; a wall time that does not exist that day is skipped. Pure: no clock, no database.
 */
export function computeSlots(input: SlotInput): Slot[] {
  const busy = mergeIntervals(input.busy);
  const durationMs = input.durationMinutes * 60_000;
  const slots: Slot[] = [];
  for (const date of datesBetween(input.from, input.to)) {
    const weekday = weekdayOf(date);
    const intervals = input.weeklyHours
      .filter((h) => h.weekday === weekday)
      .sort((a, b) => a.startMinute - b.startMinute);
    if (intervals.length === 0) continue;
    const toInstant = localClock(date, input.timeZone);
    for (const interval of intervals) {
      // The interval's end is wall-clock too: on a short day the last slot may no longer fit.
      const intervalEnd = interval.endMinute >= 1440 ? null : toInstant(interval.endMinute);
      for (
        let minute = interval.startMinute;
        minute + input.durationMinutes <= interval.endMinute;
        minute += input.durationMinutes
      ) {
        const startsAt = toInstant(minute);
        if (!startsAt) continue;
        const endsAt = new Date(startsAt.getTime() + durationMs);
        if (intervalEnd && endsAt > intervalEnd) continue;
        if (startsAt < input.notBefore || startsAt >= input.notAfter) continue;
        if (overlapsAny(busy, startsAt, endsAt)) continue;
        slots.push({ date, startsAt });
      }
    }
  }
  return slots;
}

/**
 * Local minute → instant for one date. Most days have one UTC offset from midnight to midnight,
 * and then it is arithmetic; on a day the clocks change, each time is converted on its own.
 */
function localClock(date: LocalDate, timeZone: string): (minute: number) => Date | null {
  const midnight = fromLocal(date, 0, timeZone);
  const lastMinute = fromLocal(date, 1439, timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day);
  if (midnight && lastMinute) {
    const offsetAtStart = wallMidnight - midnight.getTime();
    const offsetAtEnd = wallMidnight + 1439 * 60_000 - lastMinute.getTime();
    if (offsetAtStart === offsetAtEnd)
      return (minute) => new Date(wallMidnight + minute * 60_000 - offsetAtStart);
  }
  return (minute) => fromLocal(date, minute, timeZone);
}

/** Sorted, disjoint intervals as [start, end) milliseconds: both ends then grow together. */
function mergeIntervals(intervals: Interval[]): [number, number][] {
  const sorted = intervals
    .map((i): [number, number] => [i.startsAt.getTime(), i.endsAt.getTime()])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Binary search for the first busy interval ending after the slot starts (a busy month is long). */
function overlapsAny(busy: [number, number][], startsAt: Date, endsAt: Date): boolean {
  const start = startsAt.getTime();
  let low = 0;
  let high = busy.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (busy[mid]![1] > start) high = mid;
    else low = mid + 1;
  }
  return low < busy.length && busy[low]![0] < endsAt.getTime();
}
