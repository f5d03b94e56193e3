import { ROLE_LABELS, type AdminRole } from '@clinicpay/contracts';
import { Button, Select } from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { notify } from '../toasts.js';
import { trpc, type Outputs } from '../trpc.js';
import { ROLE_OPTIONS } from './invite-form.js';
import { OneTimeLink } from './one-time-link.js';

type Team = Outputs['team']['list'];
type Member = Team['admins'][number];

const failed = (title: string) => (error: unknown) => {
  if (!isUnauthorized(error)) notify({ title, description: messageOf(error), tone: 'error' });
};

/** Each admin with their role (changed in place), last visit, a reset link and removal. */
export function TeamMembers({ team }: { team: Team }) {
  const utils = trpc.useUtils();
  const changeRole = trpc.admin.team.changeRole.useMutation();
  const remove = trpc.admin.team.remove.useMutation();
  const reset = trpc.admin.team.issuePasswordReset.useMutation();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [resetLink, setResetLink] = useState<{ name: string; link: string } | null>(null);
  const refresh = () => void utils.admin.team.list.invalidate();

  const setRole = (member: Member, role: AdminRole) => {
    if (role === member.role) return;
    changeRole
      .mutateAsync({ adminId: member.id, role })
      .then(() => notify({ title: `${member.name} is now ${ROLE_LABELS[role]}`, tone: 'success' }))
      .catch(failed(`${member.name}'s role was not changed.`))
      .finally(refresh);
  };
  const issueReset = (member: Member) => {
    reset
      .mutateAsync({ adminId: member.id })
      .then((result) => {
        if (result.link) setResetLink({ name: member.name, link: result.link });
        else notify({ title: `Reset link sent to ${result.emailedTo}`, tone: 'success' });
      })
      .catch(failed('The reset link was not made.'));
  };

  return (
    <div className="grid gap-4">
      <ul className="divide-y divide-slate-200" aria-label="Admins">
        {team.admins.map((member) => (
          <li key={member.id} className="grid gap-3 py-3 sm:grid-cols-[minmax(0,2fr)_12rem_auto]">
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">
                {member.name}
                {member.you ? <span className="font-normal text-slate-600"> (you)</span> : null}
              </p>
              <p className="text-sm break-all text-slate-600">{member.email}</p>
              <p className="text-xs text-slate-500">
                {member.lastSeenAt
                  ? `Last seen ${new Date(member.lastSeenAt).toLocaleString()}`
                  : 'Not signed in yet'}
                {' · '}
                {member.twoFactorEnabled ? 'Two-factor sign-in on' : 'No two-factor sign-in'}
              </p>
            </div>
            <Select
              label={`Role of ${member.name}`}
              options={ROLE_OPTIONS}
              value={member.role}
              onChange={(role) => role && setRole(member, role as AdminRole)}
            />
            <div className="flex flex-wrap items-start gap-2 sm:justify-end">
              <Button variant="secondary" onPress={() => issueReset(member)}>
                Reset password
              </Button>
              <Button variant="secondary" onPress={() => setRemoving(member)}>
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {resetLink ? (
        <OneTimeLink link={resetLink.link} what={`reset link for ${resetLink.name}`} />
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.name ?? ''}?`}
        confirmLabel="Remove from the team"
        onConfirm={() => {
          const member = removing!;
          setRemoving(null);
          remove
            .mutateAsync({ adminId: member.id })
            .then(() => notify({ title: `${member.name} was removed`, tone: 'success' }))
            .catch(failed(`${member.name} was not removed.`))
            .finally(refresh);
        }}
      >
        They are signed out at once and can no longer sign in.
      </ConfirmDialog>
    </div>
  );
}
