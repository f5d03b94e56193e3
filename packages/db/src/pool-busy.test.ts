import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './connection.js';
import { DatabaseBusyError } from './errors.js';
import { testDatabaseUrl } from './testing/env.js';
import { holdConnections } from './testing/hold-connections.js';

describe('a pool with every connection in use', () => {
  it('refuses a query that waited its whole wait with DatabaseBusyError, and answers again once one is free', async () => {
    const handle = await createDatabase({
      url: testDatabaseUrl,
      maxConnections: 1,
      connectTimeoutMs: 200,
    });
    try {
      const pool = await holdConnections(handle.db, 1);

      const refused = await sql`select 1`.execute(handle.db).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DatabaseBusyError);
      expect(refused).toMatchObject({
        code: 'database_busy',
        waitedMs: 200,
        message: 'Every database connection stayed in use for 200 ms; the query did not run.',
      });

      await pool.release();
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });
});
