import { ADMIN_ROLES, InviteAdminInput, ROLE_LABELS, type AdminRole } from '@clinicpay/contracts';
import { BusyButton } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormSelect, FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { OneTimeLink } from './one-time-link.js';

export const ROLE_OPTIONS = ADMIN_ROLES.map((role) => ({ id: role, label: ROLE_LABELS[role] }));

/** "Invite": an address and a role; the link goes by e-mail, or is shown once when e-mail is off. */
export function InviteForm() {
  const utils = trpc.useUtils();
  const form = useForm<{ email: string; role: AdminRole }, unknown, InviteAdminInput>({
    resolver: zodResolver(InviteAdminInput),
    mode: 'onTouched',
    defaultValues: { email: '', role: 'front_desk' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const invite = trpc.admin.team.invite.useMutation();

  const submit = form.handleSubmit(async (input) => {
    if (invite.isPending) return;
    setProblem(null);
    setLink(null);
    try {
      const result = await invite.mutateAsync(input);
      void utils.admin.team.list.invalidate();
      form.reset({ email: '', role: input.role });
      if (result.link) setLink(result.link);
      else
        notify({
          title: `Invitation sent to ${input.email}`,
          description: 'The link works once, for 72 hours.',
          tone: 'success',
        });
    } catch (error) {
      if (isUnauthorized(error)) return;
      if (applyFieldErrors(error, form.setError, ['email', 'role']) === 0)
        setProblem(messageOf(error));
    }
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="grid gap-4"
      aria-labelledby="invite-heading"
    >
      <h2 id="invite-heading" className="text-base font-semibold text-slate-900">
        Invite someone
      </h2>
      <FormProblem problem={problem} title="The invitation was not sent." />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <FormTextField
          control={form.control}
          name="email"
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="off"
        />
        <FormSelect control={form.control} name="role" label="Role" options={ROLE_OPTIONS} />
      </div>
      <p className="text-sm text-slate-600">
        Front desk: appointments and marking payments at the clinic. Manager: everything but the
        Stripe keys and the team. Owner: everything.
      </p>
      <div>
        <BusyButton type="submit" isBusy={invite.isPending} busyLabel="Inviting…">
          Send invitation
        </BusyButton>
      </div>
      {link ? <OneTimeLink link={link} what="invitation link" /> : null}
    </form>
  );
}
