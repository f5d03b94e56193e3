import {
  ROLE_LABELS,
  type AcceptInvitationInput,
  type AdminRole,
  type ChangeAdminRoleInput,
  type InviteAdminInput,
} from '@clinicpay/contracts';
import {
  changeAdminUser,
  findAdminUserByEmail,
  findOpenAdminLink,
  insertAdminLink,
  insertAdminUser,
  findTwoFactorRequired,
  listAdminUsers,
  listOpenInvitations,
  revokeAdminLinks,
  useAdminLink,
} from '@clinicpay/db';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { hashPassword } from '../../security/password.js';
import type { SignedInAdmin } from '../../security/admin-sessions.js';
import { audit } from '../audit/record-audit.js';
import { queueAdminLinkMail } from '../mail/queue-mail.js';
import { adminLinkUrl, hashLinkToken, newLinkToken, sealLinkToken } from './admin-links.js';

/** How long an invitation can be accepted. */
export const INVITATION_HOURS = 72;
const LINK_GONE =
  'This invitation link has expired, was already used or was withdrawn. Ask an Owner of the clinic to invite you again.';

type TeamDeps = AdminDeps & { admin: SignedInAdmin };

/** The team page: every admin with role and last visit, and the invitations still open. */
export async function listTeam(deps: TeamDeps) {
  const now = deps.clock.now();
  const [admins, invitations] = await Promise.all([
    listAdminUsers(deps.db),
    listOpenInvitations(deps.db, now),
  ]);
  return {
    admins: admins.map((a) => ({
      id: a.id,
      email: a.email,
      name: a.name,
      role: a.role,
      you: a.id === deps.admin.id,
      createdAt: a.created_at.toISOString(),
      lastSeenAt: a.last_seen_at ? new Date(a.last_seen_at).toISOString() : null,
      twoFactorEnabled: a.totp_enabled_at !== null,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role!,
      invitedBy: i.created_by.replace(/^admin:/, ''),
      expiresAt: i.expires_at.toISOString(),
    })),
    mailOn: Boolean(deps.config.mail.smtpUrl),
    twoFactorRequired: await findTwoFactorRequired(deps.db),
  };
}

/**
 * Invites someone by e-mail with a role: a single-use link, good for 72 hours, that opens the
 * page where they choose a name and password. Sent through the outbox when e-mail is on; without
 * it the link is returned, once, for the Owner to pass on. A new invitation to the same address
 * withdraws the earlier one.
 */
export async function inviteAdmin(deps: TeamDeps, input: InviteAdminInput) {
  if (await findAdminUserByEmail(deps.db, input.email)) {
    throw new AppError(
      'invalid_input',
      `${input.email} is already an admin of this clinic: change their role in the list instead.`,
      { fieldErrors: [{ path: 'email', message: 'Already an admin of this clinic.' }] },
    );
  }
  const now = deps.clock.now();
  const { token, tokenHash } = newLinkToken();
  const mailOn = Boolean(deps.config.mail.smtpUrl);
  const invitation = await deps.db.transaction().execute(async (trx) => {
    await revokeAdminLinks(trx, { purpose: 'invitation', email: input.email }, now);
    const link = await insertAdminLink(trx, {
      purpose: 'invitation',
      tokenHash,
      email: input.email,
      role: input.role,
      createdBy: deps.admin.actor,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3_600_000),
    });
    if (mailOn) {
      await queueAdminLinkMail(
        trx,
        {
          linkId: link.id,
          kind: 'admin_invitation',
          recipient: input.email,
          details: {
            sealed_token: sealLinkToken(deps.secretBox, token),
            role: ROLE_LABELS[input.role],
            invited_by: deps.admin.name || deps.admin.email,
          },
        },
        now,
      );
    }
    await audit({ db: trx, clock: deps.clock }, deps.admin, 'admin.invited', link.id, {
      email: input.email,
      role: input.role,
    });
    return link;
  });
  return {
    invitationId: invitation.id,
    // Shown once when it cannot be e-mailed; never stored in clear, never shown again.
    link: mailOn ? null : adminLinkUrl(deps.config.mail.adminUrl, 'invitation', token),
  };
}

export async function revokeInvitation(deps: TeamDeps, invitationId: string) {
  const revoked = await revokeAdminLinks(deps.db, { id: invitationId }, deps.clock.now());
  if (revoked === 0)
    throw new AppError(
      'invalid_input',
      'This invitation was already accepted, withdrawn or has expired.',
    );
  await audit(deps, deps.admin, 'admin.invitation_revoked', invitationId);
  return { revoked: true as const };
}

export async function changeAdminRole(deps: TeamDeps, input: ChangeAdminRoleInput) {
  const outcome = await changeAdminUser(deps.db, { adminUserId: input.adminId, role: input.role });
  refuseUnlessDone(outcome, 'demote');
  await audit(deps, deps.admin, 'admin.role_changed', input.adminId, { role: input.role });
  return { changed: true as const };
}

/** Removes an admin: their sessions end with them, at once. */
export async function removeAdmin(deps: TeamDeps, adminId: string) {
  const outcome = await changeAdminUser(deps.db, { adminUserId: adminId, remove: true });
  refuseUnlessDone(outcome, 'remove');
  await audit(deps, deps.admin, 'admin.removed', adminId);
  return { removed: true as const };
}

function refuseUnlessDone(outcome: 'done' | 'last_owner' | 'not_found', verb: string) {
  if (outcome === 'not_found')
    throw new AppError('invalid_input', 'This admin is no longer on the team. Reload the list.');
  if (outcome === 'last_owner')
    throw new AppError(
      'invalid_input',
      `The clinic needs at least one Owner: make someone else an Owner before you ${verb} this one.`,
    );
}

/** What the invitation page shows before the person accepts. */
export async function invitationDetails(deps: AppDeps, token: string) {
  const link = await findOpenAdminLink(deps.db, {
    tokenHash: hashLinkToken(token),
    purpose: 'invitation',
    now: deps.clock.now(),
  });
  if (!link) throw new AppError('link_gone', LINK_GONE);
  return {
    email: link.email,
    role: link.role as AdminRole,
    expiresAt: link.expires_at.toISOString(),
  };
}

/**
 * Accepts an invitation: uses the link (once: the statement only passes an open link) and creates
 * the admin with the invited role, in one transaction, so a failure leaves the link usable.
 */
export async function acceptInvitation(deps: AppDeps, input: AcceptInvitationInput) {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const email = await deps.db.transaction().execute(async (trx) => {
    const link = await useAdminLink(trx, {
      tokenHash: hashLinkToken(input.token),
      purpose: 'invitation',
      now,
    });
    if (!link) throw new AppError('link_gone', LINK_GONE);
    const created = await insertAdminUser(trx, {
      email: link.email,
      name: input.name,
      passwordHash,
      role: link.role!,
    });
    if (!created)
      throw new AppError(
        'link_gone',
        `${link.email} is already an admin of this clinic: sign in instead.`,
      );
    await audit(
      { db: trx, clock: deps.clock },
      { actor: `admin:${link.email}` },
      'admin.joined',
      link.id,
      {
        role: link.role,
      },
    );
    return link.email;
  });
  return { email };
}
