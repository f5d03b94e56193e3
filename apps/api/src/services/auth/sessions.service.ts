import { endAdminSessionOf, listAdminSessions } from '@clinicpay/db';
import type { AdminContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { audit } from '../audit/record-audit.js';
import { browserOf } from './browser-of.js';

/** The signed-in admin's own devices: browser, address, when last used; this one marked. */
export async function listMySessions(ctx: AdminContext) {
  const rows = await listAdminSessions(ctx.db, ctx.admin.id, ctx.clock.now());
  return rows.map((row) => ({
    // The hash of the cookie's token: names the session without being able to open it.
    id: row.token_hash,
    current: row.token_hash === ctx.sessionTokenHash,
    browser: browserOf(row.user_agent),
    ip: row.ip,
    signedInAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
  }));
}

/** Ends one of the admin's own sessions: that device is signed out at its next request. */
export async function endMySession(ctx: AdminContext, sessionId: string) {
  if (!(await endAdminSessionOf(ctx.db, ctx.admin.id, sessionId)))
    throw new AppError('invalid_input', 'That device is already signed out. Reload the list.');
  await audit(ctx, ctx.admin, 'admin.session_ended', null, {
    current: sessionId === ctx.sessionTokenHash,
  });
  return { ended: true as const };
}
