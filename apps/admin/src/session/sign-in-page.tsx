import { SignInInput } from '@clinicpay/contracts';
import { BusyButton, Notice } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { appCodeOf, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import { pathTo, SignedOutPage } from './signed-out-page.js';
import type { SignInState } from './require-admin.js';
import { safeNext } from './return-path.js';

/**
 * Email and password, checked with the API's schema as the admin types; a wrong pair or a lockout
 * is said above the form. An admin with two-factor sign-in is then asked for the code (or a
 * recovery code) on the same form. Afterwards the admin returns to the page that sent them here.
 */
export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as SignInState | null)?.notice;
  const [problem, setProblem] = useState<string | null>(null);
  // The password was right and the account uses two-factor sign-in: the code is asked next.
  const [askCode, setAskCode] = useState(false);
  const form = useForm<SignInInput>({
    resolver: zodResolver(SignInInput),
    mode: 'onTouched',
    defaultValues: { email: '', password: '' },
  });
  const signIn = trpc.admin.auth.signIn.useMutation();

  const submit = form.handleSubmit(async (values) => {
    if (signIn.isPending) return;
    setProblem(null);
    try {
      await signIn.mutateAsync(values);
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      if (applyFieldErrors(error, form.setError, ['email', 'password', 'code']) > 0) return;
      if (appCodeOf(error) === 'two_factor_needed') {
        setAskCode(true);
        return;
      }
      setProblem(messageOf(error));
      // A wrong code: the code is what to type again; a wrong pair, the password.
      if (appCodeOf(error) === 'sign_in_failed') form.setValue(askCode ? 'code' : 'password', '');
    }
  });

  return (
    <SignedOutPage
      title="Sign in"
      aside={
        <a
          href={pathTo('forgot-password')}
          className="text-sm font-semibold text-brand-800 underline"
        >
          Forgot password?
        </a>
      }
    >
      {notice && !problem ? (
        <Notice tone="info" role="status" className="mb-4">
          {notice}
        </Notice>
      ) : null}
      <FormProblem problem={problem} className="mb-4" />
      <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
        <FormTextField
          control={form.control}
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
        />
        <FormTextField
          control={form.control}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          isReadOnly={askCode}
        />
        {askCode ? (
          <FormTextField
            control={form.control}
            name="code"
            label="Authentication code"
            description="The 6 digits your authenticator app shows for Clinicpay, or one of your recovery codes."
            autoComplete="one-time-code"
            autoFocus
          />
        ) : null}
        <BusyButton
          type="submit"
          isBusy={signIn.isPending || signIn.isSuccess}
          busyLabel="Signing in…"
        >
          Sign in
        </BusyButton>
      </form>
    </SignedOutPage>
  );
}
