/** @jsxRuntime automatic @jsxImportSource react */
import { GATEWAY_LABELS } from '@clinicpay/contracts';
import { money } from '../format-money.js';
import { formatShort } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import { howToReach } from './parts/sentences.js';
import type { MessageOf, Template } from './template.js';

export function bookingConfirmed(message: MessageOf<'booking_confirmed'>): Template {
  const { clinic, appointment: a, payment } = message;
  const when = formatShort(a.startsAt, clinic.timeZone);
  return {
    subject: `Booking confirmed: ${a.serviceName} on ${when} (${a.reference})`,
    element: (
      <Layout
        clinic={clinic}
        preview={`Your ${a.serviceName} with ${a.doctorName} is booked for ${when}.`}
        heading="Your appointment is confirmed"
      >
        <Paragraph>
          Thank you for booking with {clinic.name}. We look forward to seeing you.
        </Paragraph>
        <AppointmentSummary
          appointment={a}
          timeZone={clinic.timeZone}
          extra={[['Payment', paymentLine(payment)]]}
        />
        {message.policySentence ? (
          <Paragraph>Cancellation policy: {message.policySentence}</Paragraph>
        ) : null}
        <Paragraph>
          The attached calendar file adds the appointment to your calendar. To see or change your
          booking, use the button below, or {howToReach(clinic)}.
        </Paragraph>
        <ActionButton href={a.link}>Manage your booking</ActionButton>
      </Layout>
    ),
  };
}

function paymentLine(payment: MessageOf<'booking_confirmed'>['payment']): string {
  if (payment.amount.amount === 0) return 'Nothing to pay';
  const label = GATEWAY_LABELS[payment.method];
  return payment.method === 'stripe'
    ? `${money(payment.amount)} paid by card (${label})`
    : `${label}: you pay ${money(payment.amount)} at the clinic`;
}
