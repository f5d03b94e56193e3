/** @jsxRuntime automatic @jsxImportSource react */
import { money } from '../format-money.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import { howToReach, REFUND_DELAY, refundedPart } from './parts/sentences.js';
import type { MessageOf, Template } from './template.js';

export function refundSent(message: MessageOf<'refund_sent'>): Template {
  const { clinic, appointment: a, refund } = message;
  const amount = money(refund.amount);
  const sent = refund.status === 'succeeded';
  return {
    subject: sent
      ? `Refund of ${amount} sent (${a.reference})`
      : `Refund of ${amount} on its way (${a.reference})`,
    element: (
      <Layout
        clinic={clinic}
        preview={`${sent ? 'We have refunded' : 'We are refunding'} ${refundedPart(refund)}.`}
        heading={sent ? 'Your refund has been sent' : 'Your refund is on its way'}
      >
        <Paragraph>
          {sent ? 'We have refunded' : 'We are refunding'} {refundedPart(refund)} for this
          appointment, to the card you paid with. {REFUND_DELAY}
        </Paragraph>
        <AppointmentSummary
          appointment={a}
          timeZone={clinic.timeZone}
          extra={[['Refund', amount]]}
        />
        <Paragraph>
          If it has not appeared after 10 business days, {howToReach(clinic)} and give your
          reference, {a.reference}.
        </Paragraph>
        <ActionButton href={a.link}>Open your booking</ActionButton>
      </Layout>
    ),
  };
}
