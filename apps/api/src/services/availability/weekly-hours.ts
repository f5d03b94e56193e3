import { toLocal } from '@clinicpay/contracts';

/** A doctor's recurring hours: minutes of the clinic's wall clock on a weekday (0 = Sunday). */
export interface WeeklyHours {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

interface TimeSpan {
  starts_at: Date;
  ends_at: Date;
}

/** Bookings that would no longer fall within the doctor's weekly hours (clinic wall-clock time). */
export function bookingsOutsideHours<T extends TimeSpan>(
  bookings: T[],
  hours: WeeklyHours[],
  timeZone: string,
): T[] {
  return bookings.filter((booking) => {
    const start = toLocal(booking.starts_at, timeZone);
    const end = toLocal(booking.ends_at, timeZone);
    // An appointment ending at local midnight ends at minute 1440 of its own day.
    const endMinute =
      end.date === start.date ? end.minuteOfDay : end.minuteOfDay === 0 ? 1440 : Infinity;
    return !hours.some(
      (h) =>
        h.weekday === start.weekday &&
        h.startMinute <= start.minuteOfDay &&
        endMinute <= h.endMinute,
    );
  });
}
