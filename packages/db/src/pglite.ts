import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { DatabaseUnavailableError } from './errors.js';
import { INT8_OID, parseInt8 } from './int8.js';
import type { Database } from './schema.js';

export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';

/**
 * What every PGlite of this app needs: btree_gist for the exclusion constraints, and the int8
 * parser (PGlite's own returns a number when it fits and a BigInt when not; we want a number or an
 * error, as on pg). Extensions and parsers are not kept by `clone()`: pass these again.
 */
export function pgliteOptions(): Pick<PGliteOptions, 'extensions' | 'parsers'> {
  return { extensions: { btree_gist }, parsers: { [INT8_OID]: parseInt8 } };
}

export async function openPglite(dataDir: string): Promise<Kysely<Database>> {
  let instance: PGlite;
  try {
    await mkdir(dirname(dataDir), { recursive: true });
    instance = await PGlite.create({ dataDir, ...pgliteOptions() });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in ${dataDir} (${reason}). Check that the directory is ` +
        'writable and not used by another running process; delete it to start from an empty database.',
      dataDir,
    );
  }
  return kyselyOverPglite(instance);
}

/** db.destroy() closes the PGlite instance: a process with an open PGlite never exits. */
export function kyselyOverPglite(instance: PGlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PGliteDialect(instance) });
}
