import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface MailSettings {
  senderName: string;
  senderAddress: string;
  /** null: no reminders. */
  reminderHoursBefore: number | null;
  /** Comma-separated; '' = the clinic's contact e-mail. */
  noticeEmails: string;
}

export async function updateMailSettings(
  db: Kysely<Database>,
  clinicId: string,
  settings: MailSettings,
  at: Date,
): Promise<void> {
  await db
    .updateTable('clinics')
    .set({
      mail_sender_name: settings.senderName,
      mail_sender_address: settings.senderAddress,
      reminder_hours_before: settings.reminderHoursBefore,
      notice_emails: settings.noticeEmails,
      updated_at: at,
    })
    .where('id', '=', clinicId)
    .execute();
}
