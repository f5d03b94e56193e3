import { AppError } from '../errors/app-error.js';
import type { Context } from '../context.js';
import { checkAdminSession, type SessionFacts, type SignedInAdmin } from './admin-sessions.js';
import { CSRF_REFUSED_MESSAGE, csrfProblem } from './csrf.js';
import { clearedSessionCookie, readCookie, sessionCookieName } from './session-cookie.js';

/** The checks of `adminProcedure` (trpc.ts): the only place admin access is decided. */
export async function authenticateAdmin(
  ctx: Context,
): Promise<{ admin: SignedInAdmin; tokenHash: string; facts: SessionFacts }> {
  const token = readCookie(ctx.request.cookie, sessionCookieName(ctx.config.security));
  const check = await checkAdminSession(ctx, token);
  if (check.ok) return check;
  // A cookie the server no longer honours is cleared, so the browser stops sending it.
  if (token !== undefined)
    ctx.request.setHeader('set-cookie', clearedSessionCookie(ctx.config.security));
  throw new AppError(
    'unauthorized',
    check.reason === 'expired'
      ? 'Your session has ended. Please sign in again.'
      : 'Please sign in to continue.',
  );
}

/** Refuses a state-changing call that may have been forged by another site (see csrf.ts). */
export function assertNotForged(ctx: Context): void {
  const problem = csrfProblem(ctx.request, ctx.config.security.corsOrigins);
  if (!problem) return;
  ctx.logger.warn({ ip: ctx.request.ip, problem }, 'state-changing call refused (CSRF check)');
  throw new AppError('csrf_refused', CSRF_REFUSED_MESSAGE);
}
