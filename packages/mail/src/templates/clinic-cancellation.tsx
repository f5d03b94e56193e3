/** @jsxRuntime automatic @jsxImportSource react */
import { formatShort } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import { causeForClinic } from './parts/sentences.js';
import type { MessageOf, Template } from './template.js';

export function clinicCancellation(message: MessageOf<'clinic_cancellation'>): Template {
  const { clinic, appointment: a, patientName, cause } = message;
  const when = formatShort(a.startsAt, clinic.timeZone);
  return {
    subject: `Cancelled ${a.reference}: ${patientName}, ${when}`,
    element: (
      <Layout
        clinic={clinic}
        preview={causeForClinic(cause, patientName)}
        heading="Appointment cancelled"
      >
        <Paragraph>
          {causeForClinic(cause, patientName)} The time is free again for other bookings.
        </Paragraph>
        <AppointmentSummary
          appointment={a}
          timeZone={clinic.timeZone}
          extra={[
            ['Patient', patientName],
            ['Status', 'Cancelled'],
          ]}
        />
        <ActionButton href={a.link}>Open the appointment</ActionButton>
      </Layout>
    ),
  };
}
