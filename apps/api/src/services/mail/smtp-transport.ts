import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

export type SmtpMail = SMTPPool.MailOptions;

/** What the sender needs of SMTP: send one message, close. */
export interface MailTransport {
  send(mail: SmtpMail): Promise<{ response: string }>;
  close(): void;
}

/** Connections kept open to the SMTP server; messages of a batch go out over them side by side. */
export const SMTP_CONNECTIONS = 5;

/** A pooled nodemailer transport to SMTP_URL. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    // A server that stops answering must not hold a message (and its claim) for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (mail) => {
      const info = await transport.sendMail(mail);
      return { response: info.response };
    },
    close: () => transport.close(),
  };
}

/**
 * How a failed send is retried: a 5xx answer is the server's final word on that message (an
 * address it refuses); anything else (a 4xx, a connection refused or cut) may pass later.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** One line for the e-mail log: the server's answer when there was one, else the error. */
export function smtpErrorLine(error: unknown): string {
  const e = error as { response?: unknown; code?: unknown; message?: unknown } | null;
  const line =
    typeof e?.response === 'string'
      ? e.response
      : `${typeof e?.code === 'string' ? `${e.code}: ` : ''}${String(e?.message ?? error)}`;
  return line.replace(/\s+/g, ' ').slice(0, 500);
}
