import { AcceptInvitationInput, ROLE_LABELS } from '@clinicpay/contracts';
import { BusyButton, Notice } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import { SignedOutPage } from './signed-out-page.js';

/** The page an invitation's link opens: a name and a password, then the admin signed in. */
export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const invitation = trpc.admin.auth.invitation.useQuery({ token }, { retry: false });
  const accept = trpc.admin.auth.acceptInvitation.useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AcceptInvitationInput>({
    resolver: zodResolver(AcceptInvitationInput),
    mode: 'onTouched',
    defaultValues: { token, name: '', password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    if (accept.isPending) return;
    setProblem(null);
    try {
      await accept.mutateAsync(values);
      await navigate('/', { replace: true });
    } catch (error) {
      if (applyFieldErrors(error, form.setError, ['name', 'password']) === 0)
        setProblem(messageOf(error));
    }
  });

  return (
    <SignedOutPage title="Join the admin">
      {invitation.isError ? (
        <Notice tone="error" role="alert" title="This link cannot be used.">
          {messageOf(invitation.error)}
        </Notice>
      ) : invitation.data ? (
        <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
          <p className="text-sm text-slate-700">
            You are invited as <strong>{ROLE_LABELS[invitation.data.role]}</strong> with{' '}
            <span className="break-all">{invitation.data.email}</span>. Choose the name the team
            sees and a password.
          </p>
          <FormProblem problem={problem} />
          <FormTextField control={form.control} name="name" label="Your name" autoComplete="name" />
          <FormTextField
            control={form.control}
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            description="At least 12 characters."
          />
          <BusyButton
            type="submit"
            isBusy={accept.isPending || accept.isSuccess}
            busyLabel="Joining…"
          >
            Join the admin
          </BusyButton>
        </form>
      ) : (
        <p className="text-sm text-slate-600">Checking the invitation…</p>
      )}
    </SignedOutPage>
  );
}
