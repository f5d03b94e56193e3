// The clinic's contact details, and one clinic per installation. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * A clinic is now created by its first admin's set-up page, not only by the demo seed. Patients'
 * messages name how to reach the clinic, so it keeps a contact e-mail and phone. One installation
 * serves one clinic for now: a unique index on a constant lets the database refuse a second row,
 * so two set-ups racing each other cannot both succeed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE clinics ADD COLUMN contact_email text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE clinics ADD COLUMN contact_phone text NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE UNIQUE INDEX clinics_one_per_installation ON clinics ((true))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX clinics_one_per_installation`.execute(db);
  await sql`ALTER TABLE clinics DROP COLUMN contact_phone`.execute(db);
  await sql`ALTER TABLE clinics DROP COLUMN contact_email`.execute(db);
}
