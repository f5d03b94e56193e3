/** @jsxRuntime automatic @jsxImportSource react */
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { Details } from './parts/details.js';
import { Paragraph } from './parts/paragraph.js';
import type { MessageOf, Template } from './template.js';

export function clinicUndeliverable(message: MessageOf<'clinic_undeliverable'>): Template {
  const { clinic, recipient, about, error } = message;
  return {
    subject: `Not delivered: ${about} to ${recipient}`,
    element: (
      <Layout
        clinic={clinic}
        preview={`We could not deliver ${about} to ${recipient}.`}
        heading="An e-mail could not be delivered"
      >
        <Paragraph>
          We could not deliver {about} to {recipient}, so they have not received it.
        </Paragraph>
        <Details
          rows={[
            ['To', recipient],
            ['What', about],
            ['Error', error],
          ]}
        />
        <Paragraph>
          Check the address: if it is a patient&apos;s, confirm it with them, or reach them by phone
          instead.
        </Paragraph>
        <ActionButton href={message.link}>Open the e-mail log</ActionButton>
      </Layout>
    ),
  };
}
