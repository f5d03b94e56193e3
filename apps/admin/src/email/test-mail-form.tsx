import { SendTestMailInput } from '@clinicpay/contracts';
import { BusyButton } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';

type Values = { to: string };

/**
 * "Send a test e-mail": queued like every message, so it proves the whole path (settings, sender,
 * SMTP server). With e-mail off the API refuses with a sentence that says what to set.
 */
export function TestMailForm({ contactEmail }: { contactEmail: string }) {
  const utils = trpc.useUtils();
  const form = useForm<Values, unknown, SendTestMailInput>({
    resolver: zodResolver(SendTestMailInput),
    mode: 'onTouched',
    defaultValues: { to: contactEmail },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const send = trpc.admin.mail.sendTest.useMutation();

  const submit = form.handleSubmit(async (input) => {
    if (send.isPending) return;
    setProblem(null);
    try {
      await send.mutateAsync(input);
      void utils.admin.mail.list.invalidate();
      notify({
        title: `Test e-mail queued for ${input.to}`,
        description: 'It should arrive within a minute; the e-mail log shows how sending went.',
        tone: 'success',
      });
    } catch (error) {
      if (isUnauthorized(error)) return;
      if (applyFieldErrors(error, form.setError, ['to']) === 0) setProblem(messageOf(error));
    }
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="grid gap-4"
      aria-labelledby="test-mail-heading"
    >
      <h2 id="test-mail-heading" className="text-base font-semibold text-slate-900">
        Send a test e-mail
      </h2>
      <FormProblem problem={problem} title="The test e-mail was not sent." />
      <FormTextField
        control={form.control}
        name="to"
        label="Send the test to"
        type="email"
        inputMode="email"
        autoComplete="email"
        description="Sent from the saved sender, through the same outbox as every message."
      />
      <div>
        <BusyButton type="submit" variant="secondary" isBusy={send.isPending} busyLabel="Queuing…">
          Send a test e-mail
        </BusyButton>
      </div>
    </form>
  );
}
