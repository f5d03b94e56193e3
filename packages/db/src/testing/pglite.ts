import { PGlite } from '@electric-sql/pglite';
import { handle, type DatabaseHandle } from '../connection.js';
import { migrateToLatest } from '../migrate.js';
import { kyselyOverPglite, pgliteOptions } from '../pglite.js';

export interface TestPglite extends DatabaseHandle {
  /** The raw instance, for tests that look below kysely. */
  pglite: PGlite;
}

// A fresh PGlite costs 2–3 s; a copy of a migrated one's data directory loads in a fraction of it.
let migratedDump: Promise<File | Blob> | undefined;

async function buildMigratedDump(): Promise<File | Blob> {
  const template = await PGlite.create(pgliteOptions());
  const db = kyselyOverPglite(template);
  try {
    await migrateToLatest(db);
    return await template.dumpDataDir('none');
  } finally {
    await db.destroy();
  }
}

/** An in-memory, migrated PGlite of its own. Call close() (or db.destroy()) when done. */
export async function createTestPglite(): Promise<TestPglite> {
  migratedDump ??= buildMigratedDump();
  const pglite = await PGlite.create({ loadDataDir: await migratedDump, ...pgliteOptions() });
  return { ...handle(kyselyOverPglite(pglite), 'pglite'), pglite };
}

/** An in-memory PGlite with nothing in it, for migration tests. */
export async function createEmptyPglite(): Promise<TestPglite> {
  const pglite = await PGlite.create(pgliteOptions());
  return { ...handle(kyselyOverPglite(pglite), 'pglite'), pglite };
}
