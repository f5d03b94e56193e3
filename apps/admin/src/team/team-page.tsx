import { ROLE_LABELS } from '@clinicpay/contracts';
import {
  Button,
  Card,
  LoadingRegion,
  PageHeading,
  Skeleton,
  useDocumentTitle,
} from '@clinicpay/ui';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { QueryError } from '../components/query-states.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { InviteForm } from './invite-form.js';
import { TeamMembers } from './team-members.js';
import { TwoFactorRule } from './two-factor-rule.js';

/** "Team": who can sign in to the admin and with which role; invitations. Owners only. */
export function TeamPage() {
  useDocumentTitle('Team · Clinic admin');
  const team = trpc.admin.team.list.useQuery();
  const utils = trpc.useUtils();
  const revoke = trpc.admin.team.revokeInvitation.useMutation();
  return (
    <>
      <PageHeading
        title="Team"
        description="Who can sign in to the clinic's admin, and what each role may do."
      />
      <QueryError query={team} title="The team could not be loaded." />
      {team.data ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
          <Card className="p-4 sm:p-6">
            <h2 className="mb-2 text-base font-semibold text-slate-900">Admins</h2>
            <TeamMembers team={team.data} />
          </Card>
          <div className="grid min-w-0 gap-6">
            <Card className="p-4 sm:p-6">
              <InviteForm />
            </Card>
            <Card className="p-4 sm:p-6">
              <TwoFactorRule required={team.data.twoFactorRequired} />
            </Card>
            {team.data.invitations.length > 0 ? (
              <Card className="p-4 sm:p-6">
                <h2 className="mb-2 text-base font-semibold text-slate-900">Open invitations</h2>
                <ul className="divide-y divide-slate-200">
                  {team.data.invitations.map((invitation) => (
                    <li key={invitation.id} className="flex flex-wrap items-center gap-3 py-2">
                      <div className="min-w-0 flex-1 text-sm">
                        <p className="break-all text-slate-900">{invitation.email}</p>
                        <p className="text-slate-600">
                          {ROLE_LABELS[invitation.role]} · until{' '}
                          {new Date(invitation.expiresAt).toLocaleString()}
                        </p>
                      </div>
                      <Button
                        variant="secondary"
                        onPress={() =>
                          void revoke
                            .mutateAsync({ invitationId: invitation.id })
                            .catch((error: unknown) => {
                              if (!isUnauthorized(error))
                                notify({
                                  title: 'The invitation was not withdrawn.',
                                  description: messageOf(error),
                                  tone: 'error',
                                });
                            })
                            .finally(() => void utils.admin.team.list.invalidate())
                        }
                      >
                        Withdraw
                      </Button>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </div>
        </div>
      ) : team.isPending ? (
        <LoadingRegion label="Loading the team…">
          <Card className="grid gap-4 p-6">
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} className="h-10 w-full" />
            ))}
          </Card>
        </LoadingRegion>
      ) : null}
    </>
  );
}
