import { z } from '../zod.js';

const email = (message: string) =>
  z
    .string()
    .trim()
    .max(254, { message: 'The e-mail address is too long.' })
    .pipe(z.email({ message }));

/** The clinic's e-mail settings (the admin's E-mail page). */
export const SaveMailSettingsInput = z.object({
  senderName: z
    .string()
    .trim()
    // A line break would start a new header in every message: refused, not stripped.
    .regex(/^[^\r\n<>"]*$/, { message: 'The sender name cannot hold line breaks, <, > or quotes.' })
    .max(100, { message: 'The sender name must be at most 100 characters.' }),
  senderAddress: z.union([
    z.literal(''),
    email(
      'Enter the sender address with an @, such as bookings@clinic.example, or leave it empty.',
    ),
  ]),
  remindersOn: z.boolean(),
  reminderHoursBefore: z
    .number({ message: 'Enter a number of hours between 1 and 168.' })
    .int({ message: 'Enter a whole number of hours between 1 and 168.' })
    .min(1, { message: 'Enter a number of hours between 1 and 168.' })
    .max(168, { message: 'Enter a number of hours between 1 and 168 (a week).' }),
  noticeEmails: z
    .array(
      email('Enter each address for clinic notices with an @, such as manager@clinic.example.'),
    )
    .max(10, { message: 'Name at most 10 addresses for clinic notices.' }),
});
export type SaveMailSettingsInput = z.output<typeof SaveMailSettingsInput>;
export type MailSettingsFormValues = z.input<typeof SaveMailSettingsInput>;

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dropped'] as const;
export type MailLogStatus = (typeof MAIL_STATUSES)[number];

export const ListMailInput = z.object({
  status: z
    .enum(MAIL_STATUSES, { message: 'Choose pending, sending, sent, failed or dropped.' })
    .optional(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100, { message: 'Ask for at most 100 rows at a time.' })
    .default(50),
  cursor: z.string().min(1).max(2000).optional(),
});
export type ListMailInput = z.infer<typeof ListMailInput>;

export const MailIdInput = z.object({
  mailId: z.uuid({ message: 'Choose a message from the e-mail log.' }),
});
export type MailIdInput = z.infer<typeof MailIdInput>;

export const SendTestMailInput = z.object({
  to: email('Enter the address to send the test to, with an @.'),
});
export type SendTestMailInput = z.infer<typeof SendTestMailInput>;
