import type { MoveAppointmentInput } from '@clinicpay/contracts';
import { findBooking } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AdminDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { candidateDoctors } from '../booking/candidate-doctors.js';
import { checkedMove, moveToFirstFreeDoctor } from '../booking/move-writes.js';
import { getAppointment } from './appointments.service.js';

/**
 * The clinic moves a Confirmed appointment: the same checks of the new time and the same one-statement
 * move as the patient's reschedule, without the policy's window and limit (and not counted against
 * the patient's moves), always with a reason, recorded on the timeline and in the audit log.
 */
export async function moveFromAdmin(deps: AdminDeps, input: MoveAppointmentInput) {
  const { reference } = await getAppointment(deps, input.appointmentId);
  const booking = await findBooking(deps.db, reference);
  if (!booking) throw new AppError('appointment_not_found', 'This appointment does not exist.');
  const refuseUnlessConfirmed = (locked: { status: string }) => {
    if (locked.status !== 'confirmed')
      throw new AppError(
        'booking_not_movable',
        `Only a confirmed appointment can be moved; this one is ${locked.status.replaceAll('_', ' ')}.`,
      );
  };
  refuseUnlessConfirmed(booking);
  const now = deps.clock.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + booking.duration_minutes * 60_000);
  const doctorIds = await checkedMove(() =>
    candidateDoctors(deps, input, booking.service_id, startsAt, endsAt, booking.time_zone, now),
  );
  const moved = await moveToFirstFreeDoctor(deps.db, doctorIds, {
    appointmentId: booking.id,
    paymentId: booking.payment_id,
    serviceId: booking.service_id,
    startsAt,
    endsAt,
    timeZone: booking.time_zone,
    now,
    countMove: false,
    cause: {
      source: 'admin',
      at: now,
      reason: 'moved_by_clinic',
      details: { actor: deps.admin.actor, note: input.reason },
    },
    guard: refuseUnlessConfirmed,
  });
  await audit(deps, deps.admin, 'appointment.moved', `appointment:${booking.id}`, {
    reason: input.reason,
    from: moved.previousStartsAt.toISOString(),
    to: startsAt.toISOString(),
    doctorId: moved.doctorId,
  });
  return getAppointment(deps, booking.id);
}
