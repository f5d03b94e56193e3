// Roles for the admin team. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * Every admin has a role: Owner, Manager or Front desk (contracts' ADMIN_ROLES says what each may
 * do). The admins there were until now could do everything, so they become Owners.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE admin_users
      ADD COLUMN role text NOT NULL DEFAULT 'owner'
        CHECK (role IN ('owner', 'manager', 'front_desk'))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE admin_users DROP COLUMN role`.execute(db);
}
