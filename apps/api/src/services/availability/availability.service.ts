import {
  addDays,
  MAX_ADVANCE_DAYS,
  MIN_LEAD_MINUTES,
  type AvailabilityInput,
  type LocalDate,
} from '@clinicpay/contracts';
import {
  findBookableService,
  findBusyIntervals,
  findDoctorsForService,
  findWeeklyHours,
} from '@clinicpay/db';
import type { Database, Kysely } from '@clinicpay/db';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors/app-error.js';
import { computeSlots } from './compute-slots.js';

export interface AvailableSlot {
  startsAt: string;
  endsAt: string;
  /** Doctors free at this time, by name; the booking picks one for "any available". */
  doctorIds: string[];
}

export interface Availability {
  timeZone: string;
  /** Every date asked for, with its free slots (empty when there are none). */
  days: { date: LocalDate; slots: AvailableSlot[] }[];
}

export function bookingWindow(now: Date) {
  return {
    notBefore: new Date(now.getTime() + MIN_LEAD_MINUTES * 60_000),
    notAfter: new Date(now.getTime() + MAX_ADVANCE_DAYS * 86_400_000),
  };
}

/** Free slots of a service over local dates, for one doctor or any who offers it. */
export async function findAvailability(
  deps: { db: Kysely<Database>; clock: Clock },
  input: AvailabilityInput,
): Promise<Availability> {
  const service = await findBookableService(deps.db, input.serviceId);
  if (!service)
    throw new AppError(
      'service_not_found',
      'This service is not offered any more; please choose another.',
    );
  const doctorId = input.doctorId === 'any' ? undefined : input.doctorId;
  const doctors = await findDoctorsForService(deps.db, service.id, doctorId);
  if (doctorId && doctors.length === 0) {
    throw new AppError(
      'doctor_not_found',
      'This doctor does not offer this service; please choose another doctor.',
    );
  }

  const now = deps.clock.now();
  const window = bookingWindow(now);
  const doctorIds = doctors.map((d) => d.id);
  // A day's margin each side covers every UTC offset; slots outside the dates are not produced.
  const rangeStart = new Date(Date.parse(input.from) - 86_400_000);
  const rangeEnd = new Date(Date.parse(addDays(input.to, 2)));
  const [hours, busy] = await Promise.all([
    findWeeklyHours(deps.db, doctorIds),
    findBusyIntervals(deps.db, doctorIds, rangeStart, rangeEnd, now),
  ]);

  const byStart = new Map<number, { date: LocalDate; slot: AvailableSlot }>();
  for (const doctor of doctors) {
    const slots = computeSlots({
      timeZone: service.time_zone,
      from: input.from,
      to: input.to,
      durationMinutes: service.duration_minutes,
      weeklyHours: hours
        .filter((h) => h.doctor_id === doctor.id)
        .map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute })),
      busy: busy
        .filter((b) => b.doctor_id === doctor.id)
        .map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at })),
      ...window,
    });
    for (const { date, startsAt } of slots) {
      const key = startsAt.getTime();
      const entry = byStart.get(key) ?? {
        date,
        slot: {
          startsAt: startsAt.toISOString(),
          endsAt: new Date(key + service.duration_minutes * 60_000).toISOString(),
          doctorIds: [],
        },
      };
      entry.slot.doctorIds.push(doctor.id);
      byStart.set(key, entry);
    }
  }

  const days = new Map<LocalDate, AvailableSlot[]>();
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) days.set(date, []);
  for (const key of [...byStart.keys()].sort((a, b) => a - b)) {
    const { date, slot } = byStart.get(key)!;
    days.get(date)?.push(slot);
  }
  return { timeZone: service.time_zone, days: [...days].map(([date, slots]) => ({ date, slots })) };
}
