import { SaveBookingProtectionInput } from '@clinicpay/contracts';
import { z } from 'zod';
import { BusyButton, Checkbox, Notice } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc, type Outputs } from '../trpc.js';

type Protection = Outputs['bookingProtection']['get'];

// The fields hold text; the API's own rules (and messages) turn it into the numbers it takes.
const numberBy = (rule: z.ZodType<number>) =>
  z.string().transform((text, ctx) => {
    const parsed = rule.safeParse(text);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'Enter a number.' });
    return z.NEVER;
  });
const FormSchema = z.object({
  maxOpenBookingsPerContact: numberBy(SaveBookingProtectionInput.shape.maxOpenBookingsPerContact),
  challengeAlways: z.boolean(),
  challengeThreshold: numberBy(SaveBookingProtectionInput.shape.challengeThreshold),
});
type FormValues = z.input<typeof FormSchema>;

const valuesOf = (p: Protection): FormValues => ({
  maxOpenBookingsPerContact: String(p.maxOpenBookingsPerContact),
  challengeAlways: p.challengeAlways,
  challengeThreshold: String(p.challengeThreshold),
});

/** The caps per contact and when booking asks the browser for a proof of work. */
export function ProtectionSettingsForm({ protection }: { protection: Protection }) {
  const utils = trpc.useUtils();
  const save = trpc.admin.bookingProtection.save.useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, SaveBookingProtectionInput>({
    resolver: zodResolver(FormSchema),
    mode: 'onTouched',
    defaultValues: valuesOf(protection),
  });
  const always = useController({ control: form.control, name: 'challengeAlways' });

  const submit = form.handleSubmit(async (input) => {
    setProblem(null);
    try {
      const saved = await save.mutateAsync(input);
      utils.admin.bookingProtection.get.setData(undefined, saved);
      form.reset(valuesOf(saved));
      notify({ title: 'Booking protection saved', tone: 'success' });
    } catch (error) {
      if (!isUnauthorized(error)) setProblem(messageOf(error));
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-5">
      <FormProblem problem={problem} />
      <FormTextField
        control={form.control}
        name="maxOpenBookingsPerContact"
        label="Upcoming bookings per e-mail address or phone number"
        description="Online bookings past this are refused with a sentence asking the family to call the clinic."
        inputMode="numeric"
      />
      <Checkbox
        isSelected={always.field.value}
        onChange={always.field.onChange}
        description="Every browser then spends a moment of work, unseen, before it can book; scripts pay for each booking."
      >
        Always ask for a proof of work when booking
      </Checkbox>
      <FormTextField
        control={form.control}
        name="challengeThreshold"
        label="Ask for it by itself above this many bookings in 10 minutes"
        inputMode="numeric"
      />
      {protection.challengeSwitchedOff ? (
        <Notice tone="warning" title="The proof of work is switched off on this server">
          BOOKING_CHALLENGE=off is set (meant for load tests): neither setting above asks for it
          until it is removed.
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <BusyButton type="submit" isBusy={save.isPending} busyLabel="Saving…">
          Save
        </BusyButton>
      </div>
    </form>
  );
}
