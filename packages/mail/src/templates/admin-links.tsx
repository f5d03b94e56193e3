/** @jsxRuntime automatic @jsxImportSource react */
import { formatMoment } from '../format-time.js';
import { Layout } from './layout.js';
import { ActionButton } from './parts/action-button.js';
import { Paragraph } from './parts/paragraph.js';
import type { MessageOf, Template } from './template.js';

export function adminInvitation(message: MessageOf<'admin_invitation'>): Template {
  const { clinic, role, invitedBy } = message;
  return {
    subject: `${invitedBy} invited you to the ${clinic.name} admin`,
    element: (
      <Layout
        clinic={clinic}
        preview={`Join the ${clinic.name} admin as ${role}.`}
        heading={`Join the ${clinic.name} admin`}
      >
        <Paragraph>
          {invitedBy} invited you to the clinic's Clinicpay admin as {role}. Choose your name and a
          password to accept.
        </Paragraph>
        <ActionButton href={message.link}>Accept the invitation</ActionButton>
        <Paragraph>
          The link works once, until {formatMoment(message.expiresAt, clinic.timeZone)}. If you did
          not expect it, ignore this message.
        </Paragraph>
      </Layout>
    ),
  };
}

export function adminPasswordReset(message: MessageOf<'admin_password_reset'>): Template {
  const { clinic } = message;
  return {
    subject: `Choose a new password for the ${clinic.name} admin`,
    element: (
      <Layout
        clinic={clinic}
        preview="A link to choose a new admin password."
        heading="Choose a new password"
      >
        <Paragraph>
          Someone asked to reset the password of your {clinic.name} admin account. Choose a new one
          with the button below; every device signed in with the old one is signed out.
        </Paragraph>
        <ActionButton href={message.link}>Choose a new password</ActionButton>
        <Paragraph>
          The link works once, until {formatMoment(message.expiresAt, clinic.timeZone)}. If you did
          not ask for it, ignore this message: your password stays as it is.
        </Paragraph>
      </Layout>
    ),
  };
}
