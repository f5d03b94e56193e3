// A fingerprint of the database's contents, computed in SQL: for every table of the public
// schema, the md5 of its rows' md5s in sorted order (so row order on disk does not matter).
// Two equal digests mean no row was added, removed or changed in any table not excluded.
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface Digest {
  /** One hash over every table's hash. */
  hash: string;
  /** Table name → "<rows>:<md5>", to name what changed. */
  tables: Map<string, string>;
}

export interface DigestReader {
  /** Every table of the public schema except those named in `exclude`. */
  digest(exclude: readonly string[]): Promise<Digest>;
  /** All tables of the public schema (to say in the figures what was hashed). */
  tableNames(): Promise<string[]>;
  /** A plain query for the part's own counts (signature failures, one booking's status). */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export async function openDigestReader(databaseUrl: string): Promise<DigestReader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let names: string[] | undefined;
  const tableNames = async () => {
    names ??= (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows.map((r) => r.name);
    return names;
  };
  return {
    tableNames,
    async digest(exclude) {
      const hashed = (await tableNames()).filter((name) => !exclude.includes(name));
      if (hashed.length === 0)
        throw new Error('The database has no tables to digest; was it migrated?');
      // One statement, so every table is read in one snapshot.
      const perTable = hashed.map(
        (name) =>
          `SELECT ${literal(name)} AS name, count(*)::text || ':' || md5(coalesce(string_agg(md5(r::text), '' ORDER BY md5(r::text)), '')) AS hash
           FROM ${identifier(name)} AS r`,
      );
      const { rows } = await client.query<{ name: string; hash: string }>(
        perTable.join('\nUNION ALL\n'),
      );
      const tables = new Map(rows.map((r) => [r.name, r.hash]));
      const hash = createHash('sha256')
        .update(rows.map((r) => `${r.name}=${r.hash}`).join(';'))
        .digest('hex');
      return { hash, tables };
    },
    async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      return (await client.query<R>(text, values)).rows;
    },
    close: () => client.end(),
  };
}

/** The tables whose contents differ between two digests. */
export function changedTables(before: Digest, after: Digest): string[] {
  const names = new Set([...before.tables.keys(), ...after.tables.keys()]);
  return [...names].filter((name) => before.tables.get(name) !== after.tables.get(name)).sort();
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;
