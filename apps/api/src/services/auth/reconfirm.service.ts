import { RECONFIRM_MINUTES, type ReconfirmInput } from '@clinicpay/contracts';
import { confirmAdminSession, findAdminUserByEmail } from '@clinicpay/db';
import type { AdminContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { verifyPassword } from '../../security/password.js';
import { countSignInAttempt, forgiveSignInAttempt } from '../../security/sign-in-throttle.js';
import { audit } from '../audit/record-audit.js';
import { passSecondFactor } from '../two-factor/second-factor.js';

/**
 * The signed-in admin types their password (or a code) again: risky actions are allowed in this
 * session for RECONFIRM_MINUTES. Throttled with sign-ins, so a borrowed session cannot be used to
 * guess the password.
 */
export async function reconfirm(ctx: AdminContext, input: ReconfirmInput) {
  const attempt = { email: ctx.admin.email, ip: ctx.request.ip ?? 'unknown' };
  await countSignInAttempt(ctx, attempt);
  const user = await findAdminUserByEmail(ctx.db, ctx.admin.email);
  const passed =
    user !== undefined &&
    ('password' in input
      ? await verifyPassword(user.password_hash, input.password)
      : (await passSecondFactor(ctx, user, input.code)) !== null);
  if (!passed) {
    await audit(ctx, ctx.admin, 'admin.reconfirm_failed', null, {
      with: 'password' in input ? 'password' : 'code',
    });
    // Not UNAUTHORIZED: the session is fine, and the SPA must not take this for a sign-out.
    throw new AppError(
      'invalid_input',
      'password' in input
        ? 'That password is not right. Try again.'
        : 'That code is not right, or was already used. Try the newest code your app shows.',
      { fieldErrors: [{ path: 'password' in input ? 'password' : 'code', message: 'Not right.' }] },
    );
  }
  await forgiveSignInAttempt(ctx, attempt);
  const now = ctx.clock.now();
  await confirmAdminSession(ctx.db, ctx.sessionTokenHash, now);
  return { confirmedUntil: new Date(now.getTime() + RECONFIRM_MINUTES * 60_000).toISOString() };
}
