/** @jsxRuntime automatic @jsxImportSource react */
import { formatShort } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import { howToReach } from './parts/sentences.js';
import type { MessageOf, Template } from './template.js';

export function appointmentReminder(message: MessageOf<'appointment_reminder'>): Template {
  const { clinic, appointment: a } = message;
  const when = formatShort(a.startsAt, clinic.timeZone);
  return {
    subject: `Reminder: ${a.serviceName} on ${when} (${a.reference})`,
    element: (
      <Layout
        clinic={clinic}
        preview={`See you on ${when} with ${a.doctorName}.`}
        heading="A reminder of your appointment"
      >
        <Paragraph>We look forward to seeing you at {clinic.name}.</Paragraph>
        <AppointmentSummary
          appointment={a}
          timeZone={clinic.timeZone}
          extra={[['Where', clinic.address]]}
        />
        <Paragraph>
          If you cannot come, please let us know so someone else can have the time: use the button
          below, or {howToReach(clinic)}.
        </Paragraph>
        <ActionButton href={a.link}>Manage your booking</ActionButton>
      </Layout>
    ),
  };
}
