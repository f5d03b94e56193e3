import type { AdminRole } from '@clinicpay/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The admin who signs in with this email (case-insensitive, as the unique index). */
export async function findAdminUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('admin_users')
    .select(['id', 'email', 'name', 'role', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** A new password for an admin; every session that knew the old one ends with it. */
export async function resetAdminPassword(
  db: Kysely<Database>,
  adminUserId: string,
  passwordHash: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('admin_users')
      .set({ password_hash: passwordHash })
      .where('id', '=', adminUserId)
      .execute();
    await trx.deleteFrom('admin_sessions').where('admin_user_id', '=', adminUserId).execute();
  });
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
