import type { AdminRole } from '@clinicpay/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The admin who signs in with this email (case-insensitive, as the unique index). */
export async function findAdminUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('admin_users')
    .select(['id', 'email', 'name', 'role', 'password_hash', 'totp_secret_encrypted'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** A new password for an admin; every session that knew the old one ends with it. */
export async function resetAdminPassword(
  db: Kysely<Database>,
  adminUserId: string,
  passwordHash: string,
): Promise<void> {
  const reset = async (trx: Kysely<Database>) => {
    await trx
      .updateTable('admin_users')
      .set({ password_hash: passwordHash })
      .where('id', '=', adminUserId)
      .execute();
    await trx.deleteFrom('admin_sessions').where('admin_user_id', '=', adminUserId).execute();
  };
  // Inside the caller's transaction when there is one (a reset link used in the same one).
  if (db.isTransaction) await reset(db);
  else await db.transaction().execute(reset);
}

/** Creates an admin; false when one with this email (case-insensitive) got there first. */
export async function insertAdminUser(
  db: Kysely<Database>,
  admin: { email: string; name: string; passwordHash: string; role: AdminRole },
): Promise<boolean> {
  const inserted = await db
    .insertInto('admin_users')
    .values({
      email: admin.email,
      name: admin.name,
      password_hash: admin.passwordHash,
      role: admin.role,
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning('email')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes an admin; their sessions go with them (ON DELETE CASCADE). */
export async function deleteAdminUser(db: Kysely<Database>, adminUserId: string): Promise<void> {
  await db.deleteFrom('admin_users').where('id', '=', adminUserId).execute();
}

/** The admin team, Owners first, with when each was last seen in any session. */
export async function listAdminUsers(db: Kysely<Database>) {
  return db
    .selectFrom('admin_users')
    .leftJoin('admin_sessions', 'admin_sessions.admin_user_id', 'admin_users.id')
    .select([
      'admin_users.id',
      'admin_users.email',
      'admin_users.name',
      'admin_users.role',
      'admin_users.created_at',
      'admin_users.totp_enabled_at',
      (eb) => eb.fn.max('admin_sessions.last_seen_at').as('last_seen_at'),
    ])
    .groupBy('admin_users.id')
    .orderBy(sql`admin_users.role = 'owner'`, 'desc')
    .orderBy('admin_users.name')
    .execute();
}

/**
 * Changes an admin's role, or removes them, unless that would leave the clinic without an Owner.
 * The Owners' rows are locked first, so two Owners demoting each other at once cannot both pass.
 * 'last_owner' when refused, 'not_found' when there is no such admin.
 */
export async function changeAdminUser(
  db: Kysely<Database>,
  change: { adminUserId: string; role: AdminRole } | { adminUserId: string; remove: true },
): Promise<'done' | 'last_owner' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const owners = await trx
      .selectFrom('admin_users')
      .select('id')
      .where('role', '=', 'owner')
      .forUpdate()
      .execute();
    const target = await trx
      .selectFrom('admin_users')
      .select(['id', 'role'])
      .where('id', '=', change.adminUserId)
      .forUpdate()
      .executeTakeFirst();
    if (!target) return 'not_found';
    const losesOwner = target.role === 'owner' && ('remove' in change || change.role !== 'owner');
    if (losesOwner && owners.length <= 1) return 'last_owner';
    if ('remove' in change) {
      // Sessions go with the admin (ON DELETE CASCADE): they end at once.
      await trx.deleteFrom('admin_users').where('id', '=', target.id).execute();
    } else {
      await trx
        .updateTable('admin_users')
        .set({ role: change.role })
        .where('id', '=', target.id)
        .execute();
    }
    return 'done';
  });
}

export async function findAdminUserById(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('admin_users')
    .select(['id', 'email', 'name', 'role'])
    .where('id', '=', id)
    .executeTakeFirst();
}
