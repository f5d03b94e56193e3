import { randomBytes } from 'node:crypto';
import { ROLE_PERMISSIONS, type AdminRole, type SignInInput } from '@clinicpay/contracts';
import { findAdminUserByEmail, findTwoFactorRequired } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import type { AdminContext } from '../../context.js';
import { closeAdminSession, openAdminSession } from '../../security/admin-sessions.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import { countSignInAttempt, forgiveSignInAttempt } from '../../security/sign-in-throttle.js';
import { audit } from '../audit/record-audit.js';
import { passSecondFactor } from '../two-factor/second-factor.js';

const WRONG = 'That email and password do not match an admin account. Check both and try again.';
const CODE_NEEDED =
  'Enter the 6-digit code from your authenticator app, or one of your recovery codes.';
const WRONG_CODE =
  'That code is not right, or was already used. Enter the newest code your app shows, or an unused recovery code.';

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
  const secondFactor = await checkSecondFactor(deps, user, request);
  await forgiveSignInAttempt(deps, { email, ip });
  await closeAdminSession(deps, request.previousToken);
  const { token, expiresAt } = await openAdminSession(deps, user.id, {
    ip,
    userAgent: request.userAgent,
  });
  await audit(deps, { actor: `admin:${user.email}` }, 'admin.signed_in', null, {
    ip,
    ...(secondFactor ? { secondFactor } : {}),
  });
  return {
    token,
    view: {
      admin: adminView(user, {
        enabled: user.totp_secret_encrypted !== null,
        setupNeeded: (await findTwoFactorRequired(deps.db)) && user.totp_secret_encrypted === null,
      }),
      expiresAt: expiresAt.toISOString(),
      idleMinutes: deps.config.security.adminSession.idleMinutes,
    },
  };
}

/**
 * The second step for an admin with two-factor sign-in: without a code the password alone was
 * right, which does not count as a failure (the form asks for the code next); a wrong code does,
 * like a wrong password, against the same limits.
 */
async function checkSecondFactor(
  deps: AppDeps,
  user: { id: string; email: string; totp_secret_encrypted: string | null },
  request: SignInRequest,
): Promise<'totp' | 'recovery' | null> {
  if (!user.totp_secret_encrypted) return null;
  const { email, ip } = request;
  if (request.code === undefined) {
    await forgiveSignInAttempt(deps, { email, ip });
    throw new AppError('two_factor_needed', CODE_NEEDED);
  }
  const passed = await passSecondFactor(deps, user, request.code);
  if (passed) return passed;
  deps.logger.warn({ ip }, 'admin sign-in failed: wrong second factor');
  await audit(deps, { actor: `admin:${user.email}` }, 'admin.sign_in_failed', null, {
    email: user.email,
    ip,
    secondFactor: 'wrong code',
  });
  throw new AppError('sign_in_failed', WRONG_CODE);
}

/** Ends the session the token names, if any. Safe to call signed out. */
export async function signOut(deps: AppDeps, token: string | undefined) {
  await closeAdminSession(deps, token);
  return { signedOut: true as const };
}

export function currentAdmin(ctx: AdminContext) {
  const { admin, session } = ctx;
  const twoFactor = {
    enabled: admin.twoFactorEnabled,
    // The clinic requires it and they have not set it up: the SPA shows only the set-up.
    setupNeeded: session.twoFactorRequired && !admin.twoFactorEnabled,
  };
  return {
    admin: adminView(admin, twoFactor),
    idleMinutes: ctx.config.security.adminSession.idleMinutes,
  };
}

/** The signed-in admin as the SPA sees them: with what their role allows, to hide the rest. */
function adminView(
  admin: { id: string; email: string; name: string; role: AdminRole },
  twoFactor: { enabled: boolean; setupNeeded: boolean },
) {
  const { id, email, name, role } = admin;
  return { id, email, name, role, twoFactor, permissions: [...ROLE_PERMISSIONS[role]].sort() };
}
