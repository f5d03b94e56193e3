import {
  doctorOffersService,
  findWeeklyHours,
  hasTimeOffDuring,
  lockDoctorForBooking,
  type Database,
  type Transaction,
} from '@clinicpay/db';
import { bookingsOutsideHours } from '../availability/weekly-hours.js';

/** The doctor no longer offers this time (new hours, time off, the service dropped, or no longer active). */
export class NoLongerOfferedError extends Error {
  constructor() {
    super('This time is no longer offered.');
    this.name = 'NoLongerOfferedError';
  }
}

/**
 * Inside the booking's transaction, before its hold: the doctor's row is share-locked, so an
 * admin's change to their hours, time off or services (which locks the row for update, then looks
 * for bookings in the way) either finishes first and is seen here, or waits for this booking and
 * then finds it. Availability was read before the transaction; this is what is true now.
 */
export async function assertStillOffered(
  trx: Transaction<Database>,
  slot: { doctorId: string; serviceId: string; startsAt: Date; endsAt: Date; timeZone: string },
): Promise<void> {
  const doctor = await lockDoctorForBooking(trx, slot.doctorId);
  if (!doctor?.active) throw new NoLongerOfferedError();
  if (!(await doctorOffersService(trx, slot.doctorId, slot.serviceId)))
    throw new NoLongerOfferedError();
  const hours = await findWeeklyHours(trx, [slot.doctorId]);
  const span = { starts_at: slot.startsAt, ends_at: slot.endsAt };
  const weekly = hours.map((h) => ({
    weekday: h.weekday,
    startMinute: h.start_minute,
    endMinute: h.end_minute,
  }));
  if (bookingsOutsideHours([span], weekly, slot.timeZone).length > 0)
    throw new NoLongerOfferedError();
  if (await hasTimeOffDuring(trx, slot.doctorId, slot)) throw new NoLongerOfferedError();
}
