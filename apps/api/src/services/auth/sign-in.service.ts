import { randomBytes } from 'node:crypto';
import type { SignInInput } from '@clinicpay/contracts';
import { findAdminUserByEmail } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import {
  closeAdminSession,
  openAdminSession,
  type SignedInAdmin,
} from '../../security/admin-sessions.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import {
  assertSignInNotThrottled,
  clearSignInFailures,
  recordSignInFailure,
} from '../../security/sign-in-throttle.js';
import { audit } from '../audit/record-audit.js';

const WRONG = 'That email and password do not match an admin account. Check both and try again.';

// An unknown email is checked against this, so it takes as long as a known one with a wrong password.
let decoyHash: Promise<string> | undefined;

export interface SignInRequest extends SignInInput {
  /** The caller's address, for throttling and the audit entry. */
  ip: string;
  /** The session token this browser already holds, if any: a new sign-in replaces it. */
  previousToken: string | undefined;
}

/** Checks the password (throttled per account and address) and opens a session. */
export async function signIn(deps: AppDeps, request: SignInRequest) {
  const { email, password, ip } = request;
  await assertSignInNotThrottled(deps, { email, ip });
  const user = await findAdminUserByEmail(deps.db, email);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const matches = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
  if (!user || !matches) {
    await recordSignInFailure(deps, { email, ip });
    deps.logger.warn({ ip }, 'admin sign-in failed');
    throw new AppError('sign_in_failed', WRONG);
  }
  await clearSignInFailures(deps, email);
  await closeAdminSession(deps, request.previousToken);
  const { token, expiresAt } = await openAdminSession(deps, user.id);
  await audit(deps, { actor: `admin:${user.email}` }, 'admin.signed_in', null, { ip });
  return {
    token,
    view: {
      admin: { id: user.id, email: user.email, name: user.name },
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
  const { id, email, name } = admin;
  return { admin: { id, email, name }, idleMinutes: deps.config.security.adminSession.idleMinutes };
}
