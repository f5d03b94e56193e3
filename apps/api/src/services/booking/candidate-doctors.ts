import { toLocal, type CreateBookingInput } from '@clinicpay/contracts';
import { findBusyIntervals, findDoctorsForService } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { bookingWindow, findAvailability } from '../availability/availability.service.js';

// Checking a wanted time, shared by a new booking, the patient's reschedule and the clinic's move.

/** The doctors who could take this time, in the order to try; a clear error when none can. */
export async function candidateDoctors(
  deps: AppDeps,
  input: Pick<CreateBookingInput, 'doctorId'>,
  serviceId: string,
  startsAt: Date,
  endsAt: Date,
  timeZone: string,
  now: Date,
): Promise<string[]> {
  const window = bookingWindow(now);
  if (startsAt < now)
    throw new AppError('slot_in_past', 'This time has already passed; please pick another.');
  if (startsAt < window.notBefore) {
    throw new AppError(
      'slot_in_past',
      'This time is too soon to book online; please pick a later time or call the clinic.',
    );
  }
  if (startsAt >= window.notAfter) {
    throw new AppError(
      'slot_too_far_ahead',
      'This time is too far ahead to book yet; please pick an earlier date.',
    );
  }
  const date = toLocal(startsAt, timeZone).date;
  const availability = await findAvailability(deps, {
    serviceId,
    doctorId: input.doctorId,
    from: date,
    to: date,
  });
  const slot = availability.days[0]?.slots.find((s) => s.startsAt === startsAt.toISOString());
  if (slot) return slot.doctorIds;

  // Not free: taken by someone, or never on offer (outside hours, not on the slot grid).
  const doctors = await findDoctorsForService(
    deps.db,
    serviceId,
    input.doctorId === 'any' ? undefined : input.doctorId,
  );
  const busy = await findBusyIntervals(
    deps.db,
    doctors.map((d) => d.id),
    startsAt,
    endsAt,
    now,
  );
  // Taken: no doctor is free then, and one who could see the patient is busy then (someone booked
  // it). A doctor who does not work then is neither, so does not make a taken time "outside the
  // hours". With none busy the time was never on offer (off the slot grid, or outside the hours).
  if (busy.length > 0)
    throw new AppError('slot_taken', 'This time was just taken; please pick another.');
  throw new AppError(
    'slot_unavailable',
    'This time is outside the opening hours; please pick one of the times shown.',
  );
}
