/** @jsxRuntime automatic @jsxImportSource react */
import { money } from '../format-money.js';
import { formatMoment, formatShortDate } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { AppointmentSummary } from './parts/appointment-summary.js';
import { Paragraph } from './parts/paragraph.js';
import type { MessageOf, Template } from './template.js';

export function clinicDisputeOpened(message: MessageOf<'clinic_dispute_opened'>): Template {
  const { clinic, appointment: a, dispute } = message;
  const amount = money(dispute.amount);
  const reason = dispute.reason.replaceAll('_', ' ');
  const reference = a ? ` (${a.reference})` : '';
  const deadline = dispute.respondBy
    ? `, respond by ${formatShortDate(dispute.respondBy, clinic.timeZone)}`
    : '';
  return {
    subject: `Payment disputed: ${amount}${reference}${deadline}`,
    element: (
      <Layout
        clinic={clinic}
        preview={`A bank has disputed a card payment of ${amount}: ${reason}.`}
        heading="A card payment is disputed"
      >
        <Paragraph>
          The patient&apos;s bank has disputed a card payment of {amount}. The reason it gave:{' '}
          {reason}. Stripe holds the amount from your balance until the bank decides.
        </Paragraph>
        <Paragraph>
          {dispute.respondBy
            ? `Respond with your evidence by ${formatMoment(dispute.respondBy, clinic.timeZone)}; after that the bank decides without it.`
            : 'Stripe gave no deadline; respond with your evidence as soon as you can.'}
        </Paragraph>
        {a ? (
          <AppointmentSummary appointment={a} timeZone={clinic.timeZone} />
        ) : (
          <Paragraph>The disputed payment matches no booking in Clinicpay.</Paragraph>
        )}
        <ActionButton href={message.link}>Open the transaction</ActionButton>
      </Layout>
    ),
  };
}
