import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestPglite } from './pglite.js';

describe('createTestPglite', () => {
  it('hands out independent, migrated copies', async () => {
    const [a, b] = await Promise.all([createTestPglite(), createTestPglite()]);
    try {
      await a.db
        .insertInto('clinics')
        .values({ name: 'Only in A', time_zone: 'UTC', currency: 'USD' })
        .execute();
      expect(await a.db.selectFrom('clinics').select('name').execute()).toEqual([
        { name: 'Only in A' },
      ]);
      expect(await b.db.selectFrom('clinics').select('name').execute()).toEqual([]);
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
        b.db,
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
