/** @jsxRuntime automatic @jsxImportSource react */
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { Paragraph } from './parts/paragraph.js';
import type { MessageOf, Template } from './template.js';

export function testMessage(message: MessageOf<'test_message'>): Template {
  const { clinic, requestedBy } = message;
  return {
    subject: `Test e-mail for ${clinic.name}`,
    element: (
      <Layout
        clinic={clinic}
        preview={`${requestedBy} sent a test e-mail: sending works.`}
        heading="E-mail works"
      >
        <Paragraph>
          {requestedBy} asked Clinicpay to send this test message. If you are reading it, e-mail
          from {clinic.name} is working: patients will receive their confirmations and reminders.
        </Paragraph>
        <Paragraph>
          Every message ends with the clinic details below; check they are right.
        </Paragraph>
        <ActionButton href={message.link}>Open Clinicpay</ActionButton>
      </Layout>
    ),
  };
}
