import { markNoShow, markPaidAtClinic } from './pay-at-clinic.service.js';
import type { AdminDeps } from '../../deps.js';
import { getAppointment } from './appointments.service.js';
import { audit } from '../audit/record-audit.js';

/** The front desk's actions on a booking: the booking services decide; the admin is recorded. */
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
