/** Test helpers: a catcher on free ports, stopped after each test, and real SMTP sends to it. */
import { createTransport, type SendMailOptions } from 'nodemailer';
import { afterEach } from 'vitest';
import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from '../index';

const running: MailCatcher[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((catcher) => catcher.stop()));
});

export async function startTestCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, ...options });
  running.push(catcher);
  return catcher;
}

/** A booking confirmation as the API would send one; each field can be overridden. */
export function bookingMail(overrides: SendMailOptions = {}): SendMailOptions {
  return {
    from: 'Clinicpay demo <bookings@clinicpay.localhost>',
    to: 'patient@example.com',
    subject: 'Your appointment is booked',
    text: 'See you on Tuesday at 10:00.',
    html: '<p>See you on <strong>Tuesday</strong> at 10:00.</p>',
    ...overrides,
  };
}

/** One real SMTP conversation per call, as the API's sender has without a pool. */
export function send(catcher: MailCatcher, mail: SendMailOptions = bookingMail()) {
  return createTransport(catcher.smtpUrl).sendMail(mail);
}

export async function getJson<T>(catcher: MailCatcher, path: string): Promise<T> {
  const response = await fetch(`${catcher.url}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
