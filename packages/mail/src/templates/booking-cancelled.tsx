/** @jsxRuntime automatic @jsxImportSource react */
import { formatShort } from '../format-time.js';
import type { RefundFacts } from '../message.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import { causeForPatient, howToReach, REFUND_DELAY, refundedPart } from './parts/sentences.js';
import type { MessageOf, Template } from './template.js';

export function bookingCancelled(message: MessageOf<'booking_cancelled'>): Template {
  const { clinic, appointment: a, cause, refund } = message;
  const when = formatShort(a.startsAt, clinic.timeZone);
  const booked = cause === 'patient' || cause === 'clinic';
  return {
    subject: `Cancelled: ${a.serviceName} on ${when} (${a.reference})`,
    element: (
      <Layout
        clinic={clinic}
        preview={causeForPatient(cause, clinic.name)}
        heading={booked ? 'Your appointment is cancelled' : 'Your appointment was not booked'}
      >
        <Paragraph>{causeForPatient(cause, clinic.name)}</Paragraph>
        <AppointmentSummary
          appointment={a}
          timeZone={clinic.timeZone}
          extra={[['Status', 'Cancelled']]}
        />
        {refund && <Paragraph>{refundSentence(refund)}</Paragraph>}
        {booked && (
          <Paragraph>The attached calendar file removes the event from your calendar.</Paragraph>
        )}
        <Paragraph>
          To book another time, open your booking page. For anything else, {howToReach(clinic)}.
        </Paragraph>
        <ActionButton href={a.link}>Open your booking</ActionButton>
      </Layout>
    ),
  };
}

function refundSentence(refund: RefundFacts): string {
  const part = refundedPart(refund);
  return refund.status === 'succeeded'
    ? `We have refunded ${part} to your card. ${REFUND_DELAY}`
    : `We are refunding ${part}; the refund is on its way to your card. ${REFUND_DELAY}`;
}
