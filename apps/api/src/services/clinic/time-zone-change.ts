import { toLocal } from '@clinicpay/contracts';
import { findFutureAppointments, findWeeklyHours, type Database, type Kysely } from '@clinicpay/db';
import { bookingsOutsideHours } from '../availability/weekly-hours.js';

export interface TimeZoneChangeEffect {
  /** Bookings from now on (cancelled ones aside). */
  futureBookings: number;
  /** Of those, how many keep their instant but show another local date or time. */
  showAnotherLocalTime: number;
  /** How many fall outside their doctor's working hours, which stay local minutes, in the new zone. */
  outsideWorkingHours: number;
}

/**
 * What moving the clinic from one zone to another does to the bookings ahead. Appointments are
 * instants and do not move; the doctors' hours are local wall-clock minutes and move with the zone.
 */
export async function timeZoneChangeEffect(
  db: Kysely<Database>,
  change: { from: string; to: string; now: Date },
): Promise<TimeZoneChangeEffect> {
  const bookings = await findFutureAppointments(db, change.now);
  if (bookings.length === 0 || change.from === change.to)
    return { futureBookings: bookings.length, showAnotherLocalTime: 0, outsideWorkingHours: 0 };
  const doctorIds = [...new Set(bookings.map((b) => b.doctor_id))];
  const hours = await findWeeklyHours(db, doctorIds);
  const outside = doctorIds.flatMap((doctorId) =>
    bookingsOutsideHours(
      bookings.filter((b) => b.doctor_id === doctorId),
      hours
        .filter((h) => h.doctor_id === doctorId)
        .map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute })),
      change.to,
    ),
  );
  const moved = bookings.filter((b) => {
    const before = toLocal(b.starts_at, change.from);
    const after = toLocal(b.starts_at, change.to);
    return before.date !== after.date || before.minuteOfDay !== after.minuteOfDay;
  });
  return {
    futureBookings: bookings.length,
    showAnotherLocalTime: moved.length,
    outsideWorkingHours: outside.length,
  };
}
