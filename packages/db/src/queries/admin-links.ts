import type { AdminRole } from '@clinicpay/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Purpose = 'invitation' | 'password_reset';

export async function insertAdminLink(
  db: Kysely<Database>,
  link: {
    purpose: Purpose;
    tokenHash: string;
    email: string;
    role?: AdminRole;
    adminUserId?: string;
    createdBy: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<{ id: string }> {
  return db
    .insertInto('admin_links')
    .values({
      purpose: link.purpose,
      token_hash: link.tokenHash,
      email: link.email,
      role: link.role ?? null,
      admin_user_id: link.adminUserId ?? null,
      created_by: link.createdBy,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A link that can still be used: not used, not revoked, not expired. */
export async function findOpenAdminLink(
  db: Kysely<Database>,
  request: { tokenHash: string; purpose: Purpose; now: Date },
) {
  return db
    .selectFrom('admin_links')
    .select(['id', 'email', 'role', 'admin_user_id', 'expires_at'])
    .where('token_hash', '=', request.tokenHash)
    .where('purpose', '=', request.purpose)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', request.now)
    .executeTakeFirst();
}

/**
 * Uses a link: one statement that only an open link passes, so two tabs (or a replayed request)
 * use it once. Undefined when it was not open.
 */
export async function useAdminLink(
  db: Kysely<Database>,
  request: { tokenHash: string; purpose: Purpose; now: Date },
) {
  return db
    .updateTable('admin_links')
    .set({ used_at: request.now })
    .where('token_hash', '=', request.tokenHash)
    .where('purpose', '=', request.purpose)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', request.now)
    .returning(['id', 'email', 'role', 'admin_user_id'])
    .executeTakeFirst();
}

/** Invitations still waiting to be accepted, newest first. */
export async function listOpenInvitations(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('admin_links')
    .select(['id', 'email', 'role', 'created_by', 'created_at', 'expires_at'])
    .where('purpose', '=', 'invitation')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes the open links of an address (a new invitation replaces the old) or one link by id. */
export async function revokeAdminLinks(
  db: Kysely<Database>,
  which: { id: string } | { purpose: Purpose; email: string },
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('admin_links')
    .set({ revoked_at: now })
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null);
  query =
    'id' in which
      ? query.where('id', '=', which.id)
      : query
          .where('purpose', '=', which.purpose)
          .where(sql<string>`lower(email)`, '=', which.email.trim().toLowerCase());
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A link's state by id, for the message that carries it (composed at send time). */
export async function findAdminLinkState(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('admin_links')
    .select(['used_at', 'revoked_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
