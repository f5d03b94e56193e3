import { randomBytes } from 'node:crypto';
import type { SignInInput } from '@clinicpay/contracts';
import { findAdminUserByEmail } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import { closeAdminSession, openAdminSession } from '../../security/admin-sessions.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import {
  clearedSessionCookie,
  readCookie,
  sessionCookie,
  sessionCookieName,
} from '../../security/session-cookie.js';
import {
  assertSignInNotThrottled,
  clearSignInFailures,
  recordSignInFailure,
} from '../../security/sign-in-throttle.js';
import type { AdminContext, Context } from '../../trpc.js';
import { audit } from '../audit/record-audit.js';

const WRONG = 'That email and password do not match an admin account. Check both and try again.';

// An unknown email is checked against this, so it takes as long as a known one with a wrong password.
let decoyHash: Promise<string> | undefined;

export async function signIn(ctx: Context, input: SignInInput) {
  const ip = ctx.request.ip ?? 'unknown';
  await assertSignInNotThrottled(ctx, { email: input.email, ip });
  const user = await findAdminUserByEmail(ctx.db, input.email);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const matches = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password);
  if (!user || !matches) {
    await recordSignInFailure(ctx, { email: input.email, ip });
    ctx.logger.warn({ ip }, 'admin sign-in failed');
    throw new AppError('sign_in_failed', WRONG);
  }
  await clearSignInFailures(ctx, input.email);
  // A new sign-in in the same browser replaces the session it had.
  const cookieName = sessionCookieName(ctx.config.security);
  await closeAdminSession(ctx, readCookie(ctx.request.cookie, cookieName));
  const { token, expiresAt } = await openAdminSession(ctx, user.id);
  ctx.request.setHeader(
    'set-cookie',
    sessionCookie(
      ctx.config.security,
      token,
      (expiresAt.getTime() - ctx.clock.now().getTime()) / 1000,
    ),
  );
  await audit(ctx, { actor: `admin:${user.email}` }, 'admin.signed_in', null, { ip });
  return {
    admin: { id: user.id, email: user.email, name: user.name },
    expiresAt: expiresAt.toISOString(),
    idleMinutes: ctx.config.security.adminSession.idleMinutes,
  };
}

/** Ends the session the cookie names, if any, and clears the cookie. Safe to call signed out. */
export async function signOut(ctx: Context) {
  await closeAdminSession(
    ctx,
    readCookie(ctx.request.cookie, sessionCookieName(ctx.config.security)),
  );
  ctx.request.setHeader('set-cookie', clearedSessionCookie(ctx.config.security));
  return { signedOut: true as const };
}

export function currentAdmin(ctx: AdminContext) {
  const { id, email, name } = ctx.admin;
  return { admin: { id, email, name }, idleMinutes: ctx.config.security.adminSession.idleMinutes };
}
