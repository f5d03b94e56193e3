import {
  clockOfMinutes,
  type CreateDoctorInput,
  type SetDoctorServicesInput,
  type UpdateDoctorInput,
} from '@clinicpay/contracts';
import {
  insertDoctor,
  listDoctorsForAdmin,
  listServicesForAdmin,
  lockDoctor,
  replaceDoctorServices,
  updateDoctor,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';

export async function listDoctors(ctx: AppDeps) {
  const clinic = await requireClinic(ctx.db);
  const doctors = await listDoctorsForAdmin(ctx.db, clinic.id, ctx.clock.now());
  return doctors.map((d) => ({
    id: d.id,
    name: d.name,
    specialty: d.specialty,
    active: d.active,
    serviceIds: d.service_ids,
    weeklyHours: d.hours.map((h) => ({
      weekday: h.weekday,
      start: clockOfMinutes(h.start_minute),
      end: clockOfMinutes(h.end_minute),
    })),
    timeOff: d.time_off.map((t) => ({
      id: t.id,
      startsAt: t.starts_at.toISOString(),
      endsAt: t.ends_at.toISOString(),
      reason: t.reason,
    })),
  }));
}

export async function doctorView(ctx: AppDeps, doctorId: string) {
  const doctor = (await listDoctors(ctx)).find((d) => d.id === doctorId);
  if (!doctor) throw doctorNotFound();
  return doctor;
}

export const doctorNotFound = () => new AppError('doctor_not_found', 'This doctor does not exist.');

export async function createDoctor(ctx: AdminDeps, input: CreateDoctorInput) {
  const clinic = await requireClinic(ctx.db);
  const id = await insertDoctor(ctx.db, clinic.id, input);
  await audit(ctx, ctx.admin, 'doctor.created', `doctor:${id}`, { name: input.name });
  return doctorView(ctx, id);
}

export async function editDoctor(ctx: AdminDeps, input: UpdateDoctorInput) {
  const clinic = await requireClinic(ctx.db);
  const { doctorId, ...fields } = input;
  if (!(await updateDoctor(ctx.db, clinic.id, doctorId, fields))) throw doctorNotFound();
  await audit(ctx, ctx.admin, 'doctor.updated', `doctor:${doctorId}`, fields);
  return doctorView(ctx, doctorId);
}

/** Which services the doctor offers; bookings already made are kept whatever changes. */
export async function setDoctorServices(ctx: AdminDeps, input: SetDoctorServicesInput) {
  const clinic = await requireClinic(ctx.db);
  const known = new Set((await listServicesForAdmin(ctx.db, clinic.id)).map((s) => s.id));
  if (input.serviceIds.some((id) => !known.has(id))) {
    throw new AppError('invalid_input', 'Choose services from the list.', {
      fieldErrors: [{ path: 'serviceIds', message: 'Choose services from the list.' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockDoctor(trx, clinic.id, input.doctorId))) throw doctorNotFound();
    await replaceDoctorServices(trx, input.doctorId, [...new Set(input.serviceIds)]);
  });
  await audit(ctx, ctx.admin, 'doctor.services_set', `doctor:${input.doctorId}`, {
    serviceIds: input.serviceIds,
  });
  return doctorView(ctx, input.doctorId);
}
