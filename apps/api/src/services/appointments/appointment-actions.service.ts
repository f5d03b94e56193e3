import type { CancelAppointmentInput } from '@clinicpay/contracts';
import { cancelAppointmentByAdmin } from '../cancellation/cancel-by-clinic.service.js';
import { markNoShow, markPaidAtClinic } from './pay-at-clinic.service.js';
import type { AdminDeps } from '../../deps.js';
import { getAppointment } from './appointments.service.js';
import { audit } from '../audit/record-audit.js';

/** The admin's actions on a booking: the booking services decide; the admin is recorded. */
export async function cancelFromAdmin(ctx: AdminDeps, input: CancelAppointmentInput) {
  const { refund } = await cancelAppointmentByAdmin(ctx, {
    ...input,
    reason: input.reason || undefined,
    actor: ctx.admin.actor,
  });
  await audit(ctx, ctx.admin, 'appointment.cancelled', `appointment:${input.appointmentId}`, {
    refund: input.refund,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(refund
      ? { refundId: refund.refundId, refundStatus: refund.status, amount: refund.amount }
      : {}),
  });
  return { refund, appointment: await getAppointment(ctx, input.appointmentId) };
}

export async function markPaidAtClinicFromAdmin(ctx: AdminDeps, appointmentId: string) {
  await markPaidAtClinic(ctx, { appointmentId, actor: ctx.admin.actor });
  await audit(ctx, ctx.admin, 'appointment.paid_at_clinic', `appointment:${appointmentId}`);
  return getAppointment(ctx, appointmentId);
}

export async function markNoShowFromAdmin(ctx: AdminDeps, appointmentId: string) {
  await markNoShow(ctx, { appointmentId, actor: ctx.admin.actor });
  await audit(ctx, ctx.admin, 'appointment.no_show', `appointment:${appointmentId}`);
  return getAppointment(ctx, appointmentId);
}
