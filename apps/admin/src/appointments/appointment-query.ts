import {
  APPOINTMENT_STATUSES,
  LOCAL_DATE,
  type AppointmentStatusName,
  type ListAppointmentsInput,
} from '@clinicpay/contracts';
import { endOfLocalDay, startOfLocalDay } from '../format/clinic-time.js';

/**
 * The appointments list's question, as it lives in the address bar. Without a first day the list
 * starts today (what the front desk needs); `from=any` asks for every date.
 */
export interface AppointmentQuery {
  from: string | null;
  to: string | null;
  doctorId: string | null;
  status: AppointmentStatusName[];
  patient: string | null;
  direction: 'asc' | 'desc';
}

const date = (value: string | null) => (value && LOCAL_DATE.test(value) ? value : null);

export function parseAppointmentQuery(params: URLSearchParams, today: string): AppointmentQuery {
  const from = params.get('from');
  return {
    from: from === 'any' ? null : (date(from) ?? today),
    to: date(params.get('to')),
    doctorId: params.get('doctor') || null,
    status: (params.get('status') ?? '')
      .split(',')
      .filter((s): s is AppointmentStatusName =>
        (APPOINTMENT_STATUSES as readonly string[]).includes(s),
      ),
    patient: params.get('q')?.trim().slice(0, 120) || null,
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function appointmentSearchParams(query: AppointmentQuery, today: string): URLSearchParams {
  const params = new URLSearchParams();
  if (query.patient) params.set('q', query.patient);
  if (query.from === null) params.set('from', 'any');
  else if (query.from !== today) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.doctorId) params.set('doctor', query.doctorId);
  if (query.status.length > 0) params.set('status', query.status.join(','));
  if (query.direction === 'desc') params.set('dir', 'desc');
  return params;
}

/** The API's input, dates as instants in the clinic's zone (the last day included). */
export function toAppointmentsInput(
  query: AppointmentQuery,
  timeZone: string,
): Omit<ListAppointmentsInput, 'limit' | 'cursor'> {
  return {
    direction: query.direction,
    ...(query.from ? { from: startOfLocalDay(query.from, timeZone) } : {}),
    ...(query.to ? { to: endOfLocalDay(query.to, timeZone) } : {}),
    ...(query.doctorId ? { doctorId: query.doctorId } : {}),
    ...(query.status.length > 0 ? { status: query.status } : {}),
    ...(query.patient ? { patient: query.patient } : {}),
  };
}
