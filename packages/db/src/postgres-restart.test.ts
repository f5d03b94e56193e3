import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './connection.js';
import { testDatabaseUrl } from './testing/env.js';

describe('a PostgreSQL restart', () => {
  it('ends a checked-out connection without ending the process, and the pool answers again', async () => {
    const errors: Error[] = [];
    const handle = await createDatabase({
      url: testDatabaseUrl,
      maxConnections: 3,
      onPoolError: (e) => errors.push(e),
    });
    try {
      await handle.db.connection().execute(async (held) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(held);
        // As a restart does: the server ends the backend while no query runs on it.
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(handle.db);
        await new Promise((r) => setTimeout(r, 300));
      });
      expect(errors.map((e) => (e as Error & { code?: string }).code)).toContain('57P01');
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });
});
