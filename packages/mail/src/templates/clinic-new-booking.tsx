/** @jsxRuntime automatic @jsxImportSource react */
import { GATEWAY_LABELS } from '@clinicpay/contracts';
import { money } from '../format-money.js';
import { formatShort } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Details } from './parts/details.js';
import { Paragraph } from './parts/paragraph.js';
import type { MessageOf, Template } from './template.js';

export function clinicNewBooking(message: MessageOf<'clinic_new_booking'>): Template {
  const { clinic, appointment: a, patient, payment } = message;
  const when = formatShort(a.startsAt, clinic.timeZone);
  const label = GATEWAY_LABELS[payment.method];
  const paid =
    payment.method === 'stripe'
      ? `${money(payment.amount)} paid by card (${label})`
      : `${label}: ${money(payment.amount)} due at the clinic`;
  return {
    subject: `New booking ${a.reference}: ${patient.name}, ${when}`,
    element: (
      <Layout
        clinic={clinic}
        preview={`${patient.name} booked ${a.serviceName} with ${a.doctorName} for ${when}.`}
        heading="New booking"
      >
        <Paragraph>
          {patient.name} booked {a.serviceName} with {a.doctorName}.
        </Paragraph>
        <AppointmentSummary
          appointment={a}
          timeZone={clinic.timeZone}
          extra={[
            ['Status', 'Confirmed'],
            ['Payment', payment.amount.amount === 0 ? 'Nothing to pay' : paid],
          ]}
        />
        <Details
          rows={[
            ['Patient', patient.name],
            ['E-mail', patient.email],
            ['Phone', patient.phone],
          ]}
        />
        <ActionButton href={a.link}>Open the appointment</ActionButton>
      </Layout>
    ),
  };
}
