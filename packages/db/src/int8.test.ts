import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsafeIntegerError } from './errors.js';
import { parseInt8 } from './int8.js';
import {
  createTestDatabase,
  createTestPglite,
  insertCatalogueFixture,
  type TestDatabase,
  type TestPglite,
} from './testing/index.js';

describe('parseInt8', () => {
  it('parses safe integers, negative ones included', () => {
    expect(parseInt8('0')).toBe(0);
    expect(parseInt8('-42')).toBe(-42);
    expect(parseInt8(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('refuses what a number cannot hold exactly', () => {
    expect(() => parseInt8('9007199254740992')).toThrow(UnsafeIntegerError);
    expect(() => parseInt8('-9007199254740993')).toThrow(/beyond Number.MAX_SAFE_INTEGER/);
  });
});

for (const engine of ['PostgreSQL', 'PGlite'] as const) {
  describe(`int8 columns on ${engine}`, () => {
    let t: TestDatabase | TestPglite;
    beforeAll(async () => {
      t = engine === 'PostgreSQL' ? await createTestDatabase() : await createTestPglite();
    });
    afterAll(() => ('drop' in t ? t.drop() : t.close()));

    it('come back as numbers: money, count(*) and identity ids', async () => {
      const f = await insertCatalogueFixture(t.db);
      const service = await t.db
        .selectFrom('services')
        .select(['price_amount'])
        .where('id', '=', f.serviceId)
        .executeTakeFirstOrThrow();
      expect(service.price_amount).toBe(5000);
      const counted = await t.db
        .selectFrom('doctors')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(counted.n).toBe(2);
      const logged = await t.db
        .insertInto('audit_log')
        .values({ actor: 'test', action: 'int8.check' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(typeof logged.id).toBe('number');
    });

    it('accept MAX_SAFE_INTEGER and refuse one above it with a clear error', async () => {
      const max = await sql<{
        v: number;
      }>`select ${String(Number.MAX_SAFE_INTEGER)}::int8 as v`.execute(t.db);
      expect(max.rows[0]?.v).toBe(Number.MAX_SAFE_INTEGER);
      await expect(sql`select 9007199254740993::int8 as v`.execute(t.db)).rejects.toThrow(
        UnsafeIntegerError,
      );
      await expect(sql`select 9007199254740993::int8 as v`.execute(t.db)).rejects.toThrow(
        '9007199254740993',
      );
      // The connection survives the refused row.
      const after = await sql<{ v: number }>`select 7::int8 as v`.execute(t.db);
      expect(after.rows[0]?.v).toBe(7);
    });
  });
}
