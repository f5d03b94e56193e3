import { ResetPasswordInput } from '@clinicpay/contracts';
import { BusyButton } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import { pathTo, SignedOutPage } from './signed-out-page.js';

/** The page a reset link opens: a new password, then signed in (every other session has ended). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const reset = trpc.admin.auth.resetPassword.useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(ResetPasswordInput),
    mode: 'onTouched',
    defaultValues: { token: params.get('token') ?? '', password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    if (reset.isPending) return;
    setProblem(null);
    try {
      await reset.mutateAsync(values);
      await navigate('/', { replace: true });
    } catch (error) {
      if (applyFieldErrors(error, form.setError, ['password']) === 0) setProblem(messageOf(error));
    }
  });
  return (
    <SignedOutPage title="Choose a new password">
      <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
        <FormProblem problem={problem} />
        <FormTextField
          control={form.control}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          description="At least 12 characters. Every device signed in with the old one is signed out."
        />
        <BusyButton type="submit" isBusy={reset.isPending || reset.isSuccess} busyLabel="Saving…">
          Save the new password
        </BusyButton>
        <a href={pathTo('sign-in')} className="text-sm font-semibold text-brand-800 underline">
          Back to sign in
        </a>
      </form>
    </SignedOutPage>
  );
}
