import { Notice } from '@clinicpay/ui';
import { Link } from 'react-router';
import { FAILED_MAIL_PATH } from './mail-log-query.js';

/** No SMTP_URL on the API: nothing goes out, and what waits lapses. Says what to set. */
export function MailOffNotice() {
  return (
    <Notice tone="warning" title="E-mail is off: SMTP_URL is not set on the API.">
      <p>
        No message goes out. Confirmations, reminders and notices wait in the outbox, and each is
        dropped when its moment passes (a reminder once the appointment starts).
      </p>
      <p className="mt-1">
        To send e-mail, set <code className="font-mono">SMTP_URL</code> to your mail server (e.g.{' '}
        <code className="font-mono break-words">smtp://user:password@smtp.example.com:587</code>)
        and <code className="font-mono">MAIL_FROM</code> to the default sender (e.g.{' '}
        <code className="font-mono break-words">
          Riverside Clinic &lt;bookings@clinic.example&gt;
        </code>
        ) in the API's environment, then restart the API.
      </p>
    </Notice>
  );
}

/** Messages that could not be sent, with the way to them. */
export function FailedMailNotice({ count }: { count: number }) {
  return (
    <Notice tone="error">
      {count === 1 ? '1 message' : `${count} messages`} could not be sent.{' '}
      <Link
        to={FAILED_MAIL_PATH}
        className="font-semibold text-red-900 underline underline-offset-2"
      >
        See {count === 1 ? 'it' : 'them'} in the e-mail log
      </Link>{' '}
      and resend once the cause is fixed.
    </Notice>
  );
}
