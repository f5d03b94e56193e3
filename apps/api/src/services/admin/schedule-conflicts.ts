import { toLocal } from '@clinicpay/contracts';

interface Booking {
  reference: string;
  starts_at: Date;
  ends_at: Date;
}

/** Bookings that would no longer fall within the doctor's weekly hours (clinic wall-clock time). */
export function bookingsOutsideHours<T extends Booking>(bookings: T[], hours: { weekday: number; startMinute: number; endMinute: number }[], timeZone: string): T[] {
  return bookings.filter((booking) => {
    const start = toLocal(booking.starts_at, timeZone);
    const end = toLocal(booking.ends_at, timeZone);
    // An appointment ending at local midnight ends at minute 1440 of its own day.
    const endMinute = end.date === start.date ? end.minuteOfDay : end.minuteOfDay === 0 ? 1440 : Infinity;
    return !hours.some((h) => h.weekday === start.weekday && h.startMinute <= start.minuteOfDay && endMinute <= h.endMinute);
  });
}

/** "CP-7K2M9QXD (Mon 14 Dec 2026, 10:00–10:30)", in the clinic's time zone. */
export function describeBookings(bookings: Booking[], timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const shown = bookings.slice(0, 10).map((b) => `${b.reference} (${day.format(b.starts_at)}, ${time.format(b.starts_at)}–${time.format(b.ends_at)})`);
  const more = bookings.length > 10 ? ` and ${bookings.length - 10} more` : '';
  return `${shown.join(', ')}${more}`;
}
