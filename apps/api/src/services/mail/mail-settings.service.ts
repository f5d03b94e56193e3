import type { SaveMailSettingsInput } from '@clinicpay/contracts';
import {
  countFailedMail,
  findMailClinic,
  replanReminders,
  updateMailSettings,
} from '@clinicpay/db';
import { randomUUID } from 'node:crypto';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { queueClinicNotice } from './queue-mail.js';

const DEFAULT_REMINDER_HOURS = 24;

/** The E-mail page: how messages go out, and whether they can at all. */
export async function getMailSettings(deps: AppDeps) {
  const clinic = await findMailClinic(deps.db);
  if (!clinic)
    throw new AppError(
      'clinic_not_set_up',
      'No clinic is set up yet: fill in the set-up page first.',
    );
  const { from, smtpUrl } = deps.config.mail;
  return {
    /** Off: no SMTP_URL; messages wait and lapse by their kind's rule. */
    sending: smtpUrl ? ('on' as const) : ('off' as const),
    defaultSender: from,
    senderName: clinic.mail_sender_name,
    senderAddress: clinic.mail_sender_address,
    remindersOn: clinic.reminder_hours_before !== null,
    reminderHoursBefore: clinic.reminder_hours_before ?? DEFAULT_REMINDER_HOURS,
    noticeEmails: clinic.notice_emails ? clinic.notice_emails.split(',') : [],
    contactEmail: clinic.clinic_email,
    failedCount: await countFailedMail(deps.db),
  };
}

/** Saves the settings; reminders still to send move with a new timing. */
export async function saveMailSettings(deps: AdminDeps, input: SaveMailSettingsInput) {
  const clinic = await requireClinic(deps.db);
  const at = deps.clock.now();
  const hours = input.remindersOn ? input.reminderHoursBefore : null;
  await deps.db.transaction().execute(async (trx) => {
    await updateMailSettings(
      trx,
      clinic.id,
      {
        senderName: input.senderName,
        senderAddress: input.senderAddress,
        reminderHoursBefore: hours,
        noticeEmails: input.noticeEmails.join(','),
      },
      at,
    );
    if (hours !== null) await replanReminders(trx, hours, at);
    await audit({ db: trx, clock: deps.clock }, deps.admin, 'mail_settings.saved', null, {
      fields: ['sender', 'reminders', 'notice_emails'],
    });
  });
  return getMailSettings(deps);
}

/** "Send a test e-mail": through the outbox like every message, so it proves the whole path. */
export async function sendTestMail(deps: AdminDeps, to: string) {
  if (!deps.config.mail.smtpUrl) {
    throw new AppError(
      'mail_off',
      'E-mail is off: set SMTP_URL (and MAIL_FROM) on the API and restart it, then send the test again.',
    );
  }
  const at = deps.clock.now();
  await queueClinicNotice(
    deps.db,
    {
      factKey: `test:${randomUUID()}`,
      kind: 'test_message',
      recipient: to,
      details: { requested_by: deps.admin.actor.replace(/^admin:/, '') },
    },
    at,
  );
  await audit(deps, deps.admin, 'mail.test_sent', null, { to });
  return { queued: true };
}
