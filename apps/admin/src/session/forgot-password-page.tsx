import { RequestPasswordResetInput } from '@clinicpay/contracts';
import { BusyButton, Notice } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { messageOf } from '../api-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import { pathTo, SignedOutPage } from './signed-out-page.js';

/** "Forgot password?": a link by e-mail; the answer is the same whether the address is known. */
export function ForgotPasswordPage() {
  const request = trpc.admin.auth.requestPasswordReset.useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<RequestPasswordResetInput>({
    resolver: zodResolver(RequestPasswordResetInput),
    mode: 'onTouched',
    defaultValues: { email: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    if (request.isPending) return;
    setProblem(null);
    try {
      await request.mutateAsync(values);
    } catch (error) {
      setProblem(messageOf(error));
    }
  });
  return (
    <SignedOutPage title="Forgot password?">
      {request.data ? (
        <Notice tone="success" role="status" title="Check your e-mail">
          {request.data.message}
        </Notice>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
          <FormProblem problem={problem} />
          <FormTextField
            control={form.control}
            name="email"
            label="Email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoFocus
          />
          <BusyButton type="submit" isBusy={request.isPending} busyLabel="Sending…">
            Send me a link
          </BusyButton>
        </form>
      )}
      <a
        href={pathTo('sign-in')}
        className="mt-4 inline-block text-sm font-semibold text-brand-800 underline"
      >
        Back to sign in
      </a>
    </SignedOutPage>
  );
}
