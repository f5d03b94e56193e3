import type { Kysely } from 'kysely';
import { DEFAULT_PGLITE_DATA_DIR, openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseOptions {
  /** A PostgreSQL URL. Unset: embedded PGlite persisted in `dataDir`. */
  url?: string | undefined;
  /** PGlite's data directory (default `.data/pglite`, relative to the working directory). */
  dataDir?: string | undefined;
  /** Pool size on PostgreSQL (default 10, capped at 50). PGlite has one connection. */
  maxConnections?: number | undefined;
  /** How long to wait for a PostgreSQL connection before giving up (default 5 s). */
  connectTimeoutMs?: number | undefined;
  onPoolError?: ((error: Error) => void) | undefined;
  /**
   * PostgreSQL only (default true): fixed statement texts are prepared once per connection
   * (postgres.ts says when to turn it off). PGlite's API has no named statements.
   */
  prepareStatements?: boolean | undefined;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Ends the pool or closes PGlite (the same as db.destroy()). */
  close(): Promise<void>;
}

/**
 * Opens the app's database and checks that it answers. Throws DatabaseUnavailableError (with the
 * password masked) when it cannot.
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const { url } = options;
  const db =
    url !== undefined && url !== ''
      ? await openPostgres({
          url,
          maxConnections: options.maxConnections,
          connectTimeoutMs: options.connectTimeoutMs,
          onPoolError: options.onPoolError,
          prepareStatements: options.prepareStatements,
        })
      : await openPglite(options.dataDir ?? DEFAULT_PGLITE_DATA_DIR);
  return handle(db, url ? 'postgres' : 'pglite');
}

export function handle(db: Kysely<Database>, kind: DatabaseKind): DatabaseHandle {
  return { db, kind, close: () => db.destroy() };
}
