import type { RescheduleBookingInput } from '@clinicpay/contracts';
import { findBooking } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { policyOfBooking } from '../policies/policy-snapshot.js';
import { authorizedBooking, bookingView } from './booking-read.js';
import { candidateDoctors } from './candidate-doctors.js';
import { checkedMove, moveToFirstFreeDoctor } from './move-writes.js';
import { rescheduleRule } from './patient-actions.js';

/**
 * The patient moves a Confirmed booking to another free time of the same service, within the
 * policy stored with it (until N hours before, at most M times). The time is checked as a new
 * booking's is (not past, in the booking window, a free slot of the availability), then moved in
 * one statement (move-writes.ts); the amount paid carries over unchanged. No Stripe call is made,
 * so a patient who loses the time to someone else costs nothing.
 */
export async function rescheduleBooking(deps: AppDeps, input: RescheduleBookingInput) {
  const booking = await authorizedBooking(deps, input);
  const now = deps.clock.now();
  const policy = policyOfBooking(booking.cancellation_policy, booking.clinic_currency);
  const refuseOutsidePolicy = (locked: {
    status: string;
    starts_at: Date;
    reschedule_count: number;
  }) => {
    if (locked.status !== 'confirmed')
      throw new AppError(
        'booking_not_movable',
        locked.status === 'cancelled'
          ? 'This booking is cancelled, so it cannot be moved; please book a new time.'
          : `Only a confirmed booking can be moved; this one is ${locked.status.replaceAll('_', ' ')}.`,
      );
    const { starts_at, reschedule_count } = locked;
    const rule = rescheduleRule({ ...booking, starts_at, reschedule_count }, policy, now);
    if (!rule.allowed) throw new AppError('booking_not_movable', rule.reason);
  };
  refuseOutsidePolicy(booking);

  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() === booking.starts_at.getTime() && input.doctorId === booking.doctor_id)
    throw new AppError(
      'slot_unavailable',
      'Your booking is already at this time; please pick another time.',
    );
  const endsAt = new Date(startsAt.getTime() + booking.duration_minutes * 60_000);
  const doctorIds = await checkedMove(() =>
    candidateDoctors(deps, input, booking.service_id, startsAt, endsAt, booking.time_zone, now),
  );
  await moveToFirstFreeDoctor(deps.db, doctorIds, {
    appointmentId: booking.id,
    paymentId: booking.payment_id,
    serviceId: booking.service_id,
    startsAt,
    endsAt,
    timeZone: booking.time_zone,
    now,
    countMove: true,
    cause: { source: 'patient', at: now, reason: 'rescheduled_by_patient' },
    guard: refuseOutsidePolicy,
  });
  const moved = (await findBooking(deps.db, booking.reference))!;
  return { ...bookingView(moved, deps.clock.now()), pollAfterMs: null };
}
