import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './connection.js';
import { DatabaseBusyError } from './errors.js';
import { testDatabaseUrl } from './testing/env.js';

describe('a pool with every connection in use', () => {
  it('refuses a query that waited its whole wait with DatabaseBusyError, and answers again once one is free', async () => {
    const handle = await createDatabase({ url: testDatabaseUrl, maxConnections: 1, connectTimeoutMs: 200 });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const isHeld = new Promise<void>((resolve) => (held = resolve));
      const holder = handle.db.connection().execute(async (connection) => {
        await sql`select 1`.execute(connection);
        held();
        await released;
      });
      await isHeld;

      const refused = await sql`select 1`.execute(handle.db).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DatabaseBusyError);
      expect(refused).toMatchObject({ code: 'database_busy', waitedMs: 200, message: 'Every database connection stayed in use for 200 ms; the query did not run.' });

      release();
      await holder;
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });
});
