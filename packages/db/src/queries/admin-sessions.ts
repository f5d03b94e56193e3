import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function insertAdminSession(
  db: Kysely<Database>,
  session: {
    tokenHash: string;
    adminUserId: string;
    now: Date;
    expiresAt: Date;
    ip?: string | undefined;
    userAgent?: string | undefined;
  },
): Promise<void> {
  await db
    .insertInto('admin_sessions')
    .values({
      token_hash: session.tokenHash,
      admin_user_id: session.adminUserId,
      created_at: session.now,
      last_seen_at: session.now,
      // Signing in is typing the password: risky actions need no new confirmation for a while.
      confirmed_at: session.now,
      expires_at: session.expiresAt,
      ip: session.ip ?? null,
      // Enough to tell browsers apart; a header of kilobytes is not worth keeping.
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** A session with its admin, by the hash of the cookie's token. */
export async function findAdminSession(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('admin_sessions')
    .innerJoin('admin_users', 'admin_users.id', 'admin_sessions.admin_user_id')
    .select([
      'admin_sessions.token_hash',
      'admin_sessions.created_at',
      'admin_sessions.last_seen_at',
      'admin_sessions.expires_at',
      'admin_users.id as admin_user_id',
      'admin_users.email',
      'admin_users.name',
      'admin_users.role',
      'admin_sessions.confirmed_at',
      'admin_users.totp_enabled_at',
      // One row read per request either way: the clinic's two-factor rule comes along.
      (eb) =>
        eb
          .selectFrom('clinics')
          .select(sql<boolean>`coalesce(bool_or(admin_two_factor_required), false)`.as('r'))
          .as('two_factor_required'),
    ])
    .where('admin_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Moves the idle clock; compare-and-set so concurrent requests write once. */
export async function touchAdminSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
  ifSeenBefore: Date,
): Promise<void> {
  await db
    .updateTable('admin_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .where('last_seen_at', '<', ifSeenBefore)
    .execute();
}

export async function deleteAdminSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Sessions past their absolute end or idle too long: they can never be used again. */
export async function deleteStaleAdminSessions(
  db: Kysely<Database>,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await db
    .deleteFrom('admin_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
    .execute();
}

/** An admin's own sessions still open, most recently used first. */
export async function listAdminSessions(db: Kysely<Database>, adminUserId: string, now: Date) {
  return db
    .selectFrom('admin_sessions')
    .select(['token_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('admin_user_id', '=', adminUserId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one of an admin's sessions (and only theirs); false when there was none to end. */
export async function endAdminSessionOf(
  db: Kysely<Database>,
  adminUserId: string,
  tokenHash: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('admin_sessions')
    .where('admin_user_id', '=', adminUserId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
