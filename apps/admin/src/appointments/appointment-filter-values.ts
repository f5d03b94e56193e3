import { ListAppointmentsInput, type AppointmentStatusName } from '@clinicpay/contracts';
import { z } from 'zod';
import { blankOr, daysInOrder } from '../components/form-schemas.js';
import type { AppointmentQuery } from './appointment-query.js';

/** The filter form's fields as typed: '' for an open date or no patient, 'any' for all doctors. */
export interface AppointmentFilterValues {
  patient: string;
  from: string;
  to: string;
  doctor: string;
  status: AppointmentStatusName[];
}

/** The API's rules for the patient and the statuses; the days the right way round. */
export const appointmentFilterSchema = daysInOrder(
  z.object({
    patient: blankOr(ListAppointmentsInput.shape.patient),
    from: z.string(),
    to: z.string(),
    doctor: z.string(),
    status: ListAppointmentsInput.shape.status.unwrap(),
  }),
);

export function filterValuesOf(query: AppointmentQuery): AppointmentFilterValues {
  return {
    patient: query.patient ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    doctor: query.doctorId ?? 'any',
    status: query.status,
  };
}

/** The applied query: the form's values, the list's order kept. */
export function queryOf(
  values: AppointmentFilterValues,
  direction: AppointmentQuery['direction'],
): AppointmentQuery {
  return {
    patient: values.patient.trim() || null,
    from: values.from || null,
    to: values.to || null,
    doctorId: values.doctor === 'any' ? null : values.doctor,
    status: values.status,
    direction,
  };
}
