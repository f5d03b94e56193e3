/** @jsxRuntime automatic @jsxImportSource react */
import { formatMoment, formatShort } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import { howToReach } from './parts/sentences.js';
import type { MessageOf, Template } from './template.js';

export function bookingRescheduled(message: MessageOf<'booking_rescheduled'>): Template {
  const { clinic, appointment: a } = message;
  const when = formatShort(a.startsAt, clinic.timeZone);
  return {
    subject: `Rescheduled: ${a.serviceName} now on ${when} (${a.reference})`,
    element: (
      <Layout
        clinic={clinic}
        preview={`Your ${a.serviceName} has moved to ${when}.`}
        heading="Your appointment has moved"
      >
        <Paragraph>
          Your appointment was on {formatMoment(message.previousStartsAt, clinic.timeZone)}. This is
          the new time:
        </Paragraph>
        <AppointmentSummary appointment={a} timeZone={clinic.timeZone} />
        <Paragraph>
          The attached calendar file moves the event in your calendar. If the new time does not suit
          you, use the button below or {howToReach(clinic)}.
        </Paragraph>
        <ActionButton href={a.link}>Manage your booking</ActionButton>
      </Layout>
    ),
  };
}
