import { z } from 'zod';

/**
 * How the API sends e-mail. env.ts merges these variables into its one schema. Without SMTP_URL
 * nothing is sent: messages wait in the outbox (and expire by their kind's rule) until it is set.
 */
export interface MailConfig {
  /** e.g. smtp://user:pass@smtp.example.com:587 or smtps://…:465; undefined: e-mail is off. */
  smtpUrl: string | undefined;
  /** The From of every message unless the clinic names its own sender. */
  from: { name: string; address: string };
  /** The admin SPA's address, for links in clinic notices (ADMIN_URL, else PUBLIC_URL + /admin/). */
  adminUrl: string;
  /** How often a replica's sender looks for due messages; 0: never (tests send by hand). */
  sendIntervalMs: number;
  /** The wait before the first retry of a message that could not go; it doubles after each. */
  firstRetryMs: number;
}

// "Name <address>" or a bare address; no line breaks, so it can never add a header.
const FROM = /^(?:([^<>\r\n]*?)\s*<([^\s<>@]+@[^\s<>@]+)>|([^\s<>@]+@[^\s<>@]+))$/;

export const mailEnvShape = {
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'an SMTP URL such as smtp://user:password@smtp.example.com:587 (smtps:// for port 465)',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(FROM, 'a sender such as "Harbour Clinic <bookings@harbour.example>"')
    .optional(),
  ADMIN_URL: z
    .url({ message: "the admin app's address, e.g. https://clinic.example.com/admin/" })
    .optional(),
  MAIL_SEND_INTERVAL_SECONDS: z.coerce
    .number({ message: 'a number of seconds, e.g. 2 (0 turns the sender off)' })
    .min(0, 'a number of seconds, 0 or more')
    .default(2),
  MAIL_RETRY_SECONDS: z.coerce
    .number({ message: 'a number of seconds, e.g. 30' })
    .int('a whole number of seconds, e.g. 30')
    .min(1, 'a number of seconds, 1 or more')
    .max(3600, 'a number of seconds up to 3600')
    .default(30),
};

interface MailEnv {
  NODE_ENV: string;
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
  ADMIN_URL?: string | undefined;
  MAIL_SEND_INTERVAL_SECONDS: number;
  MAIL_RETRY_SECONDS: number;
}

/** The problems production refuses to start with, one sentence each. */
export function mailConfigProblems(env: MailEnv): string[] {
  if (env.NODE_ENV === 'production' && env.SMTP_URL && !env.MAIL_FROM) {
    return [
      'MAIL_FROM is missing: with SMTP_URL set, production needs the address messages come from, e.g. "Harbour Clinic <bookings@harbour.example>"',
    ];
  }
  return [];
}

export function mailConfig(env: MailEnv, publicUrl: string): MailConfig {
  const from = FROM.exec(env.MAIL_FROM ?? '');
  const host = new URL(publicUrl).hostname;
  return {
    smtpUrl: env.SMTP_URL,
    from: from
      ? { name: from[1] ?? '', address: (from[2] ?? from[3])! }
      : {
          name: 'Clinicpay',
          address: `bookings@${host.includes('.') ? host : `${host}.localhost`}`,
        },
    adminUrl: (env.ADMIN_URL ?? `${publicUrl}/admin/`).replace(/\/*$/, '/'),
    sendIntervalMs: env.MAIL_SEND_INTERVAL_SECONDS * 1000,
    firstRetryMs: env.MAIL_RETRY_SECONDS * 1000,
  };
}
