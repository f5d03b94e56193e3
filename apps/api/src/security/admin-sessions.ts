import { createHash, randomBytes } from 'node:crypto';
import {
  deleteAdminSession,
  deleteStaleAdminSessions,
  findAdminSession,
  insertAdminSession,
  touchAdminSession,
} from '@clinicpay/db';
import type { AdminRole } from '@clinicpay/contracts';
import type { AppDeps } from '../deps.js';

/** The signed-in admin, as procedures see it. */
export interface SignedInAdmin {
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  /** For timelines and refunds: 'admin:<email>'. */
  actor: string;
  /** Whether they sign in with a TOTP code too. */
  twoFactorEnabled: boolean;
}

/** What the session knows beyond who it is: for the two-factor rule and re-confirmation. */
export interface SessionFacts {
  /** When the password or a code was last typed in this session. */
  confirmedAt: Date;
  /** The clinic requires every admin to sign in with a code too. */
  twoFactorRequired: boolean;
}

export type SessionCheck =
  | { ok: true; admin: SignedInAdmin; tokenHash: string; expiresAt: Date; facts: SessionFacts }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

// The idle clock is moved at most once a minute: a write per request would be waste.
const TOUCH_EVERY_MS = 60_000;

/** Only the hash is stored: a copy of the table does not give anyone a live session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function openAdminSession(
  deps: Deps,
  adminUserId: string,
  device: { ip?: string | undefined; userAgent?: string | undefined } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const { idleMinutes, maxHours } = deps.config.security.adminSession;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + maxHours * 3_600_000);
  await insertAdminSession(deps.db, {
    tokenHash: hashSessionToken(token),
    adminUserId,
    now,
    expiresAt,
    ...device,
  });
  // Sign-ins are rare: a good moment to forget sessions nobody can use any more.
  await deleteStaleAdminSessions(deps.db, now, new Date(now.getTime() - idleMinutes * 60_000));
  return { token, expiresAt };
}

/** A session is good until its absolute end, and while it has been used within the idle limit. */
export async function checkAdminSession(
  deps: Deps,
  token: string | undefined,
): Promise<SessionCheck> {
  // Our tokens are 43 base64url characters; anything else is not worth a query.
  if (!token) return { ok: false, reason: 'missing' };
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'unknown' };
  const tokenHash = hashSessionToken(token);
  const session = await findAdminSession(deps.db, tokenHash);
  if (!session) return { ok: false, reason: 'unknown' };
  const now = deps.clock.now();
  const idleLimitMs = deps.config.security.adminSession.idleMinutes * 60_000;
  if (session.expires_at <= now || now.getTime() - session.last_seen_at.getTime() > idleLimitMs) {
    await deleteAdminSession(deps.db, tokenHash);
    return { ok: false, reason: 'expired' };
  }
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await touchAdminSession(deps.db, tokenHash, now, new Date(now.getTime() - TOUCH_EVERY_MS + 1));
  }
  return {
    ok: true,
    tokenHash,
    expiresAt: session.expires_at,
    admin: {
      id: session.admin_user_id,
      email: session.email,
      name: session.name,
      role: session.role,
      actor: `admin:${session.email}`,
      twoFactorEnabled: session.totp_enabled_at !== null,
    },
    facts: {
      confirmedAt: session.confirmed_at,
      twoFactorRequired: Boolean(session.two_factor_required),
    },
  };
}

export async function closeAdminSession(deps: Deps, token: string | undefined): Promise<void> {
  if (token) await deleteAdminSession(deps.db, hashSessionToken(token));
}
