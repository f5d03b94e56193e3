/** @jsxRuntime automatic @jsxImportSource react */
import type { AppointmentFacts } from '../../message.js';
import { formatSpan } from '../../format-time.js';
import { Details, type DetailRow } from './details.js';

/** Service, doctor, the time in the clinic's zone (named) and the reference, then any `extra`. */
export function AppointmentSummary({
  appointment,
  timeZone,
  extra = [],
}: {
  appointment: AppointmentFacts;
  timeZone: string;
  extra?: readonly DetailRow[];
}) {
  return (
    <Details
      rows={[
        ['Service', appointment.serviceName],
        ['Doctor', appointment.doctorName],
        ['When', formatSpan(appointment.startsAt, appointment.endsAt, timeZone)],
        ['Reference', appointment.reference],
        ...extra,
      ]}
    />
  );
}
