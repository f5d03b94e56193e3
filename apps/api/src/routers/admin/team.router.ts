import {
  AdminIdInput,
  ChangeAdminRoleInput,
  InvitationIdInput,
  InviteAdminInput,
} from '@clinicpay/contracts';
import { issuePasswordReset } from '../../services/team/password-reset.service.js';
import {
  changeAdminRole,
  inviteAdmin,
  listTeam,
  removeAdmin,
  revokeInvitation,
} from '../../services/team/team.service.js';
import { adminProcedure, confirmedProcedure, router } from '../../trpc.js';

/**
 * The admin team: who is on it with which role, invitations, removals, reset links. Owners only,
 * and every change re-confirmed (the password typed in the last minutes).
 */
export const teamRouter = router({
  list: adminProcedure('admins.manage').query(({ ctx }) => listTeam(ctx)),
  invite: confirmedProcedure('admins.manage')
    .input(InviteAdminInput)
    .mutation(({ ctx, input }) => inviteAdmin(ctx, input)),
  revokeInvitation: confirmedProcedure('admins.manage')
    .input(InvitationIdInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input.invitationId)),
  changeRole: confirmedProcedure('admins.manage')
    .input(ChangeAdminRoleInput)
    .mutation(({ ctx, input }) => changeAdminRole(ctx, input)),
  remove: confirmedProcedure('admins.manage')
    .input(AdminIdInput)
    .mutation(({ ctx, input }) => removeAdmin(ctx, input.adminId)),
  issuePasswordReset: confirmedProcedure('admins.manage')
    .input(AdminIdInput)
    .mutation(({ ctx, input }) => issuePasswordReset(ctx, input.adminId)),
});
