import {
  minutesOfClock,
  type AddTimeOffInput,
  type SetWeeklyHoursInput,
} from '@clinicpay/contracts';
import {
  deleteTimeOff,
  findBookedAppointments,
  insertTimeOff,
  lockDoctor,
  replaceWeeklyHours,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AdminDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { doctorNotFound, doctorView } from './doctors.service.js';
import { bookingsOutsideHours } from '../availability/weekly-hours.js';
import { describeBookings } from './schedule-conflicts.js';

/**
 * Replaces the doctor's weekly hours, unless a booking from now on would fall outside them: then
 * nothing changes and the bookings are named, so the clinic moves or cancels them first.
 */
export async function setWeeklyHours(ctx: AdminDeps, input: SetWeeklyHoursInput) {
  const clinic = await requireClinic(ctx.db);
  const now = ctx.clock.now();
  const hours = input.hours.map((h) => ({
    weekday: h.weekday,
    startMinute: minutesOfClock(h.start),
    endMinute: minutesOfClock(h.end),
  }));
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockDoctor(trx, clinic.id, input.doctorId))) throw doctorNotFound();
    const booked = await findBookedAppointments(trx, input.doctorId, { from: now, now });
    const outside = bookingsOutsideHours(booked, hours, clinic.time_zone);
    if (outside.length > 0) {
      const message = `These bookings fall outside the new hours: ${describeBookings(outside, clinic.time_zone)}. Move or cancel them first; the hours were not changed.`;
      throw new AppError('schedule_conflict', message, {
        fieldErrors: [{ path: 'hours', message }],
      });
    }
    await replaceWeeklyHours(trx, input.doctorId, hours);
  });
  await audit(ctx, ctx.admin, 'doctor.hours_set', `doctor:${input.doctorId}`, {
    hours: input.hours,
  });
  return doctorView(ctx, input.doctorId);
}

/** Adds time off, unless the doctor has bookings in it (named, as above). */
export async function addTimeOff(ctx: AdminDeps, input: AddTimeOffInput) {
  const clinic = await requireClinic(ctx.db);
  const now = ctx.clock.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= now) {
    throw new AppError('invalid_input', 'This time off has already ended.', {
      fieldErrors: [{ path: 'endsAt', message: 'This time off has already ended.' }],
    });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockDoctor(trx, clinic.id, input.doctorId))) throw doctorNotFound();
    const clashing = await findBookedAppointments(trx, input.doctorId, {
      from: startsAt,
      to: endsAt,
      now,
    });
    if (clashing.length > 0) {
      const message = `The doctor has bookings in this time: ${describeBookings(clashing, clinic.time_zone)}. Move or cancel them first; no time off was added.`;
      throw new AppError('schedule_conflict', message, {
        fieldErrors: [{ path: 'startsAt', message }],
      });
    }
    return insertTimeOff(trx, {
      doctorId: input.doctorId,
      startsAt,
      endsAt,
      reason: input.reason || null,
      at: now,
    });
  });
  await audit(ctx, ctx.admin, 'doctor.time_off_added', `doctor:${input.doctorId}`, {
    timeOffId: id,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
  });
  return doctorView(ctx, input.doctorId);
}

export async function removeTimeOff(ctx: AdminDeps, timeOffId: string) {
  const clinic = await requireClinic(ctx.db);
  const doctorId = await deleteTimeOff(ctx.db, clinic.id, timeOffId);
  if (!doctorId) throw new AppError('invalid_input', 'This time off does not exist.');
  await audit(ctx, ctx.admin, 'doctor.time_off_removed', `doctor:${doctorId}`, { timeOffId });
  return doctorView(ctx, doctorId);
}
