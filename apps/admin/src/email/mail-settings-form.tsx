import type { SaveMailSettingsInput } from '@clinicpay/contracts';
import { BusyButton, Checkbox } from '@clinicpay/ui';
import { useState } from 'react';
import { useController, useForm, useWatch } from 'react-hook-form';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextArea, FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import {
  MAIL_SETTINGS_FIELDS,
  mailSettingsFieldOf,
  mailSettingsFormValuesOf,
  mailSettingsResolver,
  type MailSettings,
  type MailSettingsControl,
  type MailSettingsFormValues,
} from './mail-settings-values.js';

/**
 * Who messages come from, whether patients get a reminder and when, and where the clinic's own
 * notices go. Empty sender fields fall back to MAIL_FROM; empty notice addresses to the clinic's
 * contact e-mail: both are shown, so the admin sees what empty means.
 */
export function MailSettingsForm({ settings }: { settings: MailSettings }) {
  const utils = trpc.useUtils();
  const form = useForm<MailSettingsFormValues, unknown, SaveMailSettingsInput>({
    resolver: mailSettingsResolver,
    mode: 'onTouched',
    defaultValues: mailSettingsFormValuesOf(settings),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const save = trpc.admin.mail.saveSettings.useMutation();

  const submit = form.handleSubmit(async (input) => {
    if (save.isPending) return;
    setProblem(null);
    try {
      const saved = await save.mutateAsync(input);
      utils.admin.mail.settings.setData(undefined, saved);
      form.reset(mailSettingsFormValuesOf(saved));
      notify({
        title: 'E-mail settings saved',
        description: saved.remindersOn
          ? `Reminders go ${hoursPhrase(saved.reminderHoursBefore)} before each appointment.`
          : 'Reminders are off.',
        tone: 'success',
      });
    } catch (error) {
      if (isUnauthorized(error)) return;
      const landed = applyFieldErrors(
        error,
        form.setError,
        MAIL_SETTINGS_FIELDS,
        (path) => mailSettingsFieldOf(path) ?? path,
      );
      if (landed === 0) setProblem(messageOf(error));
    }
  });

  const { defaultSender, contactEmail } = settings;
  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="grid gap-5"
      aria-labelledby="mail-settings-heading"
    >
      <h2 id="mail-settings-heading" className="text-base font-semibold text-slate-900">
        Settings
      </h2>
      <FormProblem problem={problem} title="Nothing was saved." />
      <fieldset className="grid gap-4 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">Sender</legend>
        <FormTextField
          control={form.control}
          name="senderName"
          label="Sender name"
          placeholder={defaultSender.name || undefined}
          description={
            defaultSender.name
              ? `As patients see it in their inbox. Empty: “${defaultSender.name}”.`
              : "As patients see it in their inbox. Empty: the clinic's name."
          }
          autoComplete="off"
        />
        <FormTextField
          control={form.control}
          name="senderAddress"
          label="Sender address"
          type="email"
          inputMode="email"
          placeholder={defaultSender.address}
          description={`Empty: ${defaultSender.address} (MAIL_FROM on the API). Your mail server must be allowed to send from the address you name.`}
          autoComplete="off"
        />
      </fieldset>
      <RemindersFields control={form.control} />
      <FormTextArea
        control={form.control}
        name="noticeEmails"
        label="Clinic notices go to"
        rows={3}
        description={
          contactEmail
            ? `New bookings, cancellations, disputes and undeliverable mail. One address a line (or separated by commas), at most 10. Empty: the clinic's contact e-mail, ${contactEmail}.`
            : "New bookings, cancellations, disputes and undeliverable mail. One address a line (or separated by commas), at most 10. Empty: the clinic's contact e-mail, which is not set yet (see Clinic)."
        }
      />
      <div className="flex justify-end">
        <BusyButton type="submit" isBusy={save.isPending} busyLabel="Saving…">
          Save
        </BusyButton>
      </div>
    </form>
  );
}

function RemindersFields({ control }: { control: MailSettingsControl }) {
  const { field } = useController({ control, name: 'remindersOn' });
  const on = useWatch({ control, name: 'remindersOn' });
  return (
    <fieldset className="grid gap-2 rounded-xl border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-700">Reminders</legend>
      <Checkbox
        isSelected={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        description="An e-mail to the patient before each confirmed appointment, with its time and the way to cancel."
      >
        Send reminders
      </Checkbox>
      <FormTextField
        control={control}
        name="reminderHoursBefore"
        label="Hours before the appointment"
        inputMode="numeric"
        isDisabled={!on}
        description={
          on ? 'From 1 to 168 (a week); 24 is a day before.' : 'Turn reminders on to choose.'
        }
        className="max-w-xs"
      />
    </fieldset>
  );
}

function hoursPhrase(hours: number): string {
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
