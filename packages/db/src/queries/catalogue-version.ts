import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The catalogue's version (migration 2026_12_07_0009): triggers bump it in the transaction of any
 * change a public catalogue read shows, so an answer computed after reading version n is at least
 * as new as n.
 */
export async function readCatalogueVersion(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('catalogue_version').select('version').executeTakeFirst();
  // The migration inserts the row; without it (a hand-emptied table) nothing can be cached.
  return row ? Number(row.version) : null;
}
