import {
  findAdminUserByEmail,
  findAdminUserById,
  insertAdminLink,
  resetAdminPassword,
  useAdminLink,
  type Database,
  type Kysely,
} from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { hashPassword } from '../../security/password.js';
import type { SignedInAdmin } from '../../security/admin-sessions.js';
import { audit } from '../audit/record-audit.js';
import { queueAdminLinkMail } from '../mail/queue-mail.js';
import { adminLinkUrl, hashLinkToken, newLinkToken, sealLinkToken } from './admin-links.js';

/** How long a reset link works. */
export const RESET_MINUTES = 30;

/** One answer for every address, so the form does not tell who has an account. */
export const RESET_REQUESTED =
  'If that address belongs to an admin of this clinic, a link to choose a new password is on its way. It works for 30 minutes.';

/**
 * "Forgot password?": a reset link by e-mail to the admin with that address, if there is one and
 * e-mail is on. The answer is the same either way, and takes the same path up to the insert.
 */
export async function requestPasswordReset(deps: AppDeps, email: string) {
  const admin = await findAdminUserByEmail(deps.db, email);
  if (admin && deps.config.mail.smtpUrl) {
    await deps.db.transaction().execute(async (trx) => {
      await createResetLink(trx, deps, { id: admin.id, email: admin.email }, 'self', true);
    });
  }
  return { message: RESET_REQUESTED };
}

/**
 * An Owner issues a reset link for another admin: e-mailed when e-mail is on, else returned once
 * for the Owner to pass on.
 */
export async function issuePasswordReset(
  deps: AppDeps & { admin: SignedInAdmin },
  adminId: string,
) {
  const target = await findAdminUserById(deps.db, adminId);
  if (!target)
    throw new AppError('invalid_input', 'This admin is no longer on the team. Reload the list.');
  const mailOn = Boolean(deps.config.mail.smtpUrl);
  const token = await deps.db.transaction().execute(async (trx) => {
    const made = await createResetLink(trx, deps, target, deps.admin.actor, mailOn);
    await audit({ db: trx, clock: deps.clock }, deps.admin, 'admin.reset_issued', target.id);
    return made;
  });
  return {
    emailedTo: mailOn ? target.email : null,
    link: mailOn ? null : adminLinkUrl(deps.config.mail.adminUrl, 'reset-password', token),
  };
}

async function createResetLink(
  trx: Kysely<Database>,
  deps: AppDeps,
  admin: { id: string; email: string },
  createdBy: string,
  send: boolean,
): Promise<string> {
  const now = deps.clock.now();
  const { token, tokenHash } = newLinkToken();
  const link = await insertAdminLink(trx, {
    purpose: 'password_reset',
    tokenHash,
    email: admin.email,
    adminUserId: admin.id,
    createdBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
  });
  if (send) {
    await queueAdminLinkMail(
      trx,
      {
        linkId: link.id,
        kind: 'admin_password_reset',
        recipient: admin.email,
        details: { sealed_token: sealLinkToken(deps.secretBox, token) },
      },
      now,
    );
  }
  return token;
}

/**
 * A new password through a reset link: the link is used once, the password replaced, and every
 * session of that admin ends (a thief signed in with the old password is signed out).
 */
export async function resetPassword(deps: AppDeps, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const email = await deps.db.transaction().execute(async (trx) => {
    const link = await useAdminLink(trx, {
      tokenHash: hashLinkToken(input.token),
      purpose: 'password_reset',
      now: deps.clock.now(),
    });
    if (!link?.admin_user_id)
      throw new AppError(
        'link_gone',
        'This reset link has expired or was already used. Ask for a new one from the sign-in page.',
      );
    await resetAdminPassword(trx, link.admin_user_id, passwordHash);
    await audit(
      { db: trx, clock: deps.clock },
      { actor: `admin:${link.email}` },
      'admin.password_reset',
      link.admin_user_id,
    );
    return link.email;
  });
  return { email };
}
