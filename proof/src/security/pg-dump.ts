import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ThrowawayPostgres } from '../support/throwaway-postgres.js';

/** A plain-SQL dump of one database of the cluster: every row, as a backup would hold it. */
export function dumpDatabase(postgres: ThrowawayPostgres, database: string): string {
  return execFileSync(
    join(postgres.bindir, 'pg_dump'),
    ['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'postgres', '--no-owner', database],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    },
  );
}
