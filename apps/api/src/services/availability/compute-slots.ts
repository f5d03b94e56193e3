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

/**
 * One doctor's free slots. Slots follow the working intervals in the clinic's wall-clock time,
 * one after another at the service's duration, so "09:00, 09:30, …" holds on both sides of a DST
 * change; a wall time that does not exist that day is skipped. Pure: no clock, no database.
 */
export function computeSlots(input: SlotInput): Date[] {
  const busy = [...input.busy].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const durationMs = input.durationMinutes * 60_000;
  const slots: Date[] = [];
  for (const date of datesBetween(input.from, input.to)) {
    const weekday = weekdayOf(date);
    const intervals = input.weeklyHours.filter((h) => h.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const interval of intervals) {
      for (let minute = interval.startMinute; minute + input.durationMinutes <= interval.endMinute; minute += input.durationMinutes) {
        const startsAt = fromLocal(date, minute, input.timeZone);
        if (!startsAt) continue;
        const endsAt = new Date(startsAt.getTime() + durationMs);
        // The interval's end is wall-clock too: on a short day the last slot may no longer fit.
        const intervalEnd = endOfInterval(date, interval.endMinute, input.timeZone);
        if (intervalEnd && endsAt > intervalEnd) continue;
        if (startsAt < input.notBefore || startsAt >= input.notAfter) continue;
        if (overlapsAny(busy, startsAt, endsAt)) continue;
        slots.push(startsAt);
      }
    }
  }
  return slots;
}

function endOfInterval(date: LocalDate, endMinute: number, timeZone: string): Date | null {
  // 24:00 is the next day's midnight.
  return endMinute >= 1440 ? null : fromLocal(date, endMinute, timeZone);
}

function overlapsAny(sortedBusy: Interval[], startsAt: Date, endsAt: Date): boolean {
  for (const b of sortedBusy) {
    if (b.startsAt >= endsAt) return false;
    if (b.endsAt > startsAt) return true;
  }
  return false;
}
