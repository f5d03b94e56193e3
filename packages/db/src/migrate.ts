import { type Kysely, sql } from 'kysely';
import { type MigrationResult, Migrator } from 'kysely/migration';
import { MigrationFailedError } from './errors.js';
import { migrationProvider } from './migrations/index.js';

// Our own session lock, held around the whole run. kysely's Migrator locks too, but only after it
// has created its bookkeeping tables, which two processes starting together would race on.
const MIGRATION_LOCK_KEY = 7_245_311_052_118_001n;

export interface MigrationOutcome {
  /** Names of the migrations this call applied, in order; empty when already up to date. */
  executed: string[];
}

/**
 * Brings the schema up to date. Idempotent, and safe when several processes start at once: they
 * queue on an advisory lock, and the later ones find nothing to do. Throws MigrationFailedError
 * naming the failing migration; all pending migrations run in one transaction, so none is applied.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationOutcome> {
  // One connection for the lock and the migrator: a session lock lives on its connection, and a
  // pool of one (or PGlite) would otherwise wait on itself.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    try {
      const { results, error } = await new Migrator({
        db: conn,
        provider: migrationProvider,
      }).migrateToLatest();
      if (error !== undefined)
        throw new MigrationFailedError(failedName(results), { cause: error });
      return {
        executed: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
      };
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    }
  });
}

function failedName(results: readonly MigrationResult[] | undefined): string | undefined {
  return results?.find((r) => r.status === 'Error')?.migrationName;
}
