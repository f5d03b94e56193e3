import { SaveMailSettingsInput } from '@clinicpay/contracts';
import type { Control, FieldErrors, Resolver } from 'react-hook-form';
import type { Outputs } from '../trpc.js';

export type MailSettings = Outputs['mail']['settings'];

/** The settings form as typed: hours as text, the notice addresses as one text. */
export interface MailSettingsFormValues {
  senderName: string;
  senderAddress: string;
  remindersOn: boolean;
  reminderHoursBefore: string;
  noticeEmails: string;
}

export type MailSettingsControl = Control<MailSettingsFormValues, unknown, SaveMailSettingsInput>;

export const MAIL_SETTINGS_FIELDS = [
  'senderName',
  'senderAddress',
  'remindersOn',
  'reminderHoursBefore',
  'noticeEmails',
] as const satisfies readonly (keyof MailSettingsFormValues)[];

/** With reminders off the hours are kept but not used: whatever the field holds is not asked about. */
const HOURS_WHEN_OFF = 24;

export function mailSettingsFormValuesOf(settings: MailSettings): MailSettingsFormValues {
  return {
    senderName: settings.senderName,
    senderAddress: settings.senderAddress,
    remindersOn: settings.remindersOn,
    reminderHoursBefore: String(settings.reminderHoursBefore),
    noticeEmails: settings.noticeEmails.join('\n'),
  };
}

/** "a@x.example, b@x.example" or one a line: the addresses, blanks left out. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

/** The form's field for a path the API names: each notice address (`noticeEmails.2`) is in one box. */
export function mailSettingsFieldOf(path: string): keyof MailSettingsFormValues | null {
  const head = path.split('.')[0];
  return MAIL_SETTINGS_FIELDS.find((field) => field === head) ?? null;
}

function hoursOf(values: MailSettingsFormValues): number {
  const typed = values.reminderHoursBefore.trim();
  const hours = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
  if (
    !values.remindersOn &&
    !SaveMailSettingsInput.shape.reminderHoursBefore.safeParse(hours).success
  )
    return HOURS_WHEN_OFF;
  return hours;
}

/** The save request as the API takes it. */
export function rawMailSettingsInput(values: MailSettingsFormValues) {
  return {
    senderName: values.senderName,
    senderAddress: values.senderAddress.trim(),
    remindersOn: values.remindersOn,
    reminderHoursBefore: hoursOf(values),
    noticeEmails: splitAddresses(values.noticeEmails),
  };
}

/**
 * The API's own schema, run as the admin types, each problem on its field in the API's words
 * (two wrong notice addresses make one message on the one box).
 */
export const mailSettingsResolver: Resolver<
  MailSettingsFormValues,
  unknown,
  SaveMailSettingsInput
> = (values) => {
  const input = rawMailSettingsInput(values);
  const parsed = SaveMailSettingsInput.safeParse(input);
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: FieldErrors<MailSettingsFormValues> = {};
  for (const issue of parsed.error.issues) {
    const field = mailSettingsFieldOf(issue.path.map(String).join('.'));
    if (!field || errors[field]) continue;
    // One box holds every notice address: say which one is wrong.
    const address =
      field === 'noticeEmails' && typeof issue.path[1] === 'number'
        ? input.noticeEmails[issue.path[1]]
        : undefined;
    errors[field] = {
      type: 'rule',
      message: address ? `Check “${address}”. ${issue.message}` : issue.message,
    };
  }
  return { values: {}, errors };
};
