/** @jsxRuntime automatic @jsxImportSource react */
import { formatMoment, formatShort } from '../format-time.js';
import type { MailMessage } from '../message.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { Paragraph } from './parts/paragraph.js';
import type { MessageOf, Template } from './template.js';

type Alert = Extract<MailMessage, { kind: 'clinic_alert' }>['alert'];

const ALERTS: Record<
  Alert,
  {
    title: string;
    /** For the subject: "12 Stripe webhook signature failures". */
    short: (n: number) => string;
    counted: (n: number) => string;
    whatToDo: string;
    action: string;
  }
> = {
  webhook_signature_failures: {
    title: 'Stripe webhook signatures are failing',
    short: (n) => `${n} Stripe webhook signature ${n === 1 ? 'failure' : 'failures'}`,
    counted: (n) =>
      n === 1
        ? '1 webhook delivery from Stripe failed the signature check'
        : `${n} webhook deliveries from Stripe failed the signature check`,
    whatToDo:
      'Until this is fixed, payments may not confirm bookings. Check that the webhook signing secret in the Stripe settings matches the one in your Stripe Dashboard.',
    action: 'Open the webhook log',
  },
  stripe_refusals: {
    title: 'Stripe is refusing requests',
    short: (n) => `${n} Stripe ${n === 1 ? 'refusal' : 'refusals'}`,
    counted: (n) => (n === 1 ? 'Stripe refused 1 request' : `Stripe refused ${n} requests`),
    whatToDo:
      'Patients may not be able to pay by card. Check the Stripe keys in the payment settings and your account in the Stripe Dashboard.',
    action: 'Open the details',
  },
};

export function clinicAlert(message: MessageOf<'clinic_alert'>): Template {
  const { clinic, count, since } = message;
  const alert = ALERTS[message.alert];
  return {
    subject: `Alert: ${alert.short(count)} since ${formatShort(since, clinic.timeZone)}`,
    element: (
      <Layout clinic={clinic} preview={message.detail} heading={alert.title}>
        <Paragraph>
          {alert.counted(count)} since {formatMoment(since, clinic.timeZone)}.
        </Paragraph>
        <Paragraph>{message.detail}</Paragraph>
        <Paragraph>{alert.whatToDo}</Paragraph>
        <ActionButton href={message.link}>{alert.action}</ActionButton>
      </Layout>
    ),
  };
}
