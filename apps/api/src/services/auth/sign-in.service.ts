import { randomBytes } from 'node:crypto';
import { ROLE_PERMISSIONS, type AdminRole, type SignInInput } from '@clinicpay/contracts';
import { findAdminUserByEmail } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import {
  closeAdminSession,
  openAdminSession,
  type SignedInAdmin,
} from '../../security/admin-sessions.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import { countSignInAttempt, forgiveSignInAttempt } from '../../security/sign-in-throttle.js';
import { audit } from '../audit/record-audit.js';

const WRONG = 'That email and password do not match an admin account. Check both and try again.';

// An unknown email is checked against this, so it takes as long as a known one with a wrong password.
let decoyHash: Promise<string> | undefined;

export interface SignInRequest extends SignInInput {
  /** The caller's address, for throttling and the audit entry. */
  ip: string;
  /** The session token this browser already holds, if any: a new sign-in replaces it. */
  previousToken: string | undefined;
  /** The browser, for the admin's list of signed-in devices. */
  userAgent: string | undefined;
}

/** Checks the password (throttled per account and address) and opens a session. */
export async function signIn(deps: AppDeps, request: SignInRequest) {
  const { email, password, ip } = request;
  await countSignInAttempt(deps, { email, ip });
  const user = await findAdminUserByEmail(deps.db, email);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const matches = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
  if (!user || !matches) {
    deps.logger.warn({ ip }, 'admin sign-in failed');
    // What was typed, not who it might be: an unknown address is recorded as it came.
    await audit(
      deps,
      { actor: user ? `admin:${user.email}` : 'unknown' },
      'admin.sign_in_failed',
      null,
      { email: email.trim().slice(0, 254), ip },
    );
    throw new AppError('sign_in_failed', WRONG);
  }
  await forgiveSignInAttempt(deps, { email, ip });
  await closeAdminSession(deps, request.previousToken);
  const { token, expiresAt } = await openAdminSession(deps, user.id, {
    ip,
    userAgent: request.userAgent,
  });
  await audit(deps, { actor: `admin:${user.email}` }, 'admin.signed_in', null, { ip });
  return {
    token,
    view: {
      admin: adminView(user),
      expiresAt: expiresAt.toISOString(),
      idleMinutes: deps.config.security.adminSession.idleMinutes,
    },
  };
}

/** Ends the session the token names, if any. Safe to call signed out. */
export async function signOut(deps: AppDeps, token: string | undefined) {
  await closeAdminSession(deps, token);
  return { signedOut: true as const };
}

export function currentAdmin(deps: AppDeps, admin: SignedInAdmin) {
  return { admin: adminView(admin), idleMinutes: deps.config.security.adminSession.idleMinutes };
}

/** The signed-in admin as the SPA sees them: with what their role allows, to hide the rest. */
function adminView(admin: { id: string; email: string; name: string; role: AdminRole }) {
  const { id, email, name, role } = admin;
  return { id, email, name, role, permissions: [...ROLE_PERMISSIONS[role]].sort() };
}
