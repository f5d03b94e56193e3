import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createDatabase } from './connection.js';
import { createEmptyPglite, createTestDatabase, type TestDatabase } from './testing/index.js';

const allNames = Object.keys(migrations);

async function appliedNames(db: TestDatabase['db']): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

describe('migrateToLatest on PostgreSQL', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ migrated: false });
  });
  afterAll(() => empty.drop());

  it('runs every migration from empty, then nothing the second time', async () => {
    expect(await migrateToLatest(empty.db)).toEqual({ executed: allNames });
    expect(await migrateToLatest(empty.db)).toEqual({ executed: [] });
    expect(await appliedNames(empty.db)).toEqual(allNames);
  });

  it('lets two processes migrate at once: one applies, the other finds nothing to do', async () => {
    const fresh = await createTestDatabase({ migrated: false });
    const other = await createDatabase({ url: fresh.url, maxConnections: 1 });
    try {
      const outcomes = await Promise.all([migrateToLatest(fresh.db), migrateToLatest(other.db)]);
      expect(outcomes.map((o) => o.executed.length).sort()).toEqual([0, allNames.length]);
      expect(await appliedNames(fresh.db)).toEqual(allNames);
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});

describe('migrateToLatest on PGlite', () => {
  it('runs every migration from empty, then nothing the second time', async () => {
    const lite = await createEmptyPglite();
    try {
      expect(await migrateToLatest(lite.db)).toEqual({ executed: allNames });
      expect(await migrateToLatest(lite.db)).toEqual({ executed: [] });
      expect(await appliedNames(lite.db)).toEqual(allNames);
    } finally {
      await lite.close();
    }
  });
});
