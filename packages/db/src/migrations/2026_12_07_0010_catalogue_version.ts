// The catalogue's version, for the API's cache of public catalogue reads. Frozen in time: never
// edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/** What the public catalogue reads show: a change to any of these makes cached answers stale. */
const CATALOGUE_TABLES = [
  'clinics',
  'services',
  'doctors',
  'doctor_services',
  'doctor_weekly_hours',
] as const;

/**
 * One row holding a counter that triggers bump in the transaction that changes what patients see
 * (the clinic's profile and policies, services, doctors, who offers what, working hours, and a way
 * to pay switched on or off). Each API replica compares it with the version its cached answers
 * came from. A trigger rather than a call in each save: no write path (admin, CLI, seed, a
 * hand-run UPDATE) can forget it, and it commits or rolls back with the change itself.
 * Row-level, so a statement that changes nothing (a refusal cleared when there was none) does
 * not bump it; Stripe's refusals and keys do not change a public answer, only `enabled` does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE catalogue_version (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      version bigint NOT NULL DEFAULT 0
    )
  `.execute(db);
  await sql`INSERT INTO catalogue_version (id, version) VALUES (true, 0)`.execute(db);
  await sql`
    CREATE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE catalogue_version SET version = version + 1;
      RETURN NULL;
    END
    $$
  `.execute(db);
  for (const table of CATALOGUE_TABLES) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_bump_catalogue_version`)}
      AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version()
    `.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_truncate_bumps_catalogue_version`)}
      AFTER TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version()
    `.execute(db);
  }
  await sql`
    CREATE TRIGGER gateway_settings_bump_catalogue_version
    AFTER INSERT OR DELETE ON gateway_settings
    FOR EACH ROW EXECUTE FUNCTION bump_catalogue_version()
  `.execute(db);
  await sql`
    CREATE TRIGGER gateway_settings_enabled_bumps_catalogue_version
    AFTER UPDATE OF enabled ON gateway_settings
    FOR EACH ROW WHEN (OLD.enabled IS DISTINCT FROM NEW.enabled)
    EXECUTE FUNCTION bump_catalogue_version()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER gateway_settings_enabled_bumps_catalogue_version ON gateway_settings`.execute(
    db,
  );
  await sql`DROP TRIGGER gateway_settings_bump_catalogue_version ON gateway_settings`.execute(db);
  for (const table of CATALOGUE_TABLES) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_truncate_bumps_catalogue_version`)} ON ${sql.table(table)}`.execute(
      db,
    );
    await sql`DROP TRIGGER ${sql.raw(`${table}_bump_catalogue_version`)} ON ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`DROP FUNCTION bump_catalogue_version()`.execute(db);
  await sql`DROP TABLE catalogue_version`.execute(db);
}
