import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createDatabase } from './connection.js';
import type { Database } from './schema.js';
import { StatementNames } from './statement-names.js';
import { createTestDatabase, type TestDatabase } from './testing/postgres.js';

const compile = (db: Kysely<Database>) => ({
  byId: db
    .selectFrom('clinics')
    .select('id')
    .where('id', '=', '00000000-0000-4000-8000-000000000000')
    .compile(),
  inList: (ids: string[]) => db.selectFrom('clinics').select('id').where('id', 'in', ids).compile(),
  rows: (n: number) =>
    db
      .insertInto('patients')
      .values(
        Array.from({ length: n }, (_, i) => ({
          name: 'A',
          email: `${i}@example.com`,
          phone: null,
        })),
      )
      .compile(),
  oneRow: db
    .insertInto('patients')
    .values({ name: 'A', email: 'a@example.com', phone: '+1 555 0100' })
    .compile(),
  anyOf: (statuses: string[]) =>
    db
      .selectFrom('payments')
      .select('id')
      .where(sql<boolean>`status = any(${statuses}::text[])`)
      .compile(),
  noParameters: db.selectFrom('clinics').select('id').compile(),
});

describe('which statements are named', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ maxConnections: 1 });
  });
  afterAll(() => t.drop());

  it('names a fixed text, the same name for the same text', () => {
    const names = new StatementNames();
    const q = compile(t.db);
    const first = names.nameOf(q.byId);
    expect(first).toMatch(/^cp_/);
    expect(names.nameOf(compile(t.db).byId)).toBe(first);
    expect(names.nameOf(q.oneRow)).toMatch(/^cp_/);
    // A few rows (one booking's messages) make a few texts.
    expect(names.nameOf(q.rows(3))).toMatch(/^cp_/);
    // An array bound as one parameter keeps one text whatever its length.
    expect(names.nameOf(q.anyOf(['pending']))).toBe(names.nameOf(q.anyOf(['pending', 'failed'])));
  });

  it('never names an IN list, a VALUES of many rows or a text without parameters', () => {
    const names = new StatementNames();
    const q = compile(t.db);
    expect(names.nameOf(q.inList(['00000000-0000-4000-8000-000000000000']))).toBeUndefined();
    expect(names.nameOf(q.inList(['00000000-0000-4000-8000-000000000000', 'x']))).toBeUndefined();
    expect(names.nameOf(q.rows(5))).toBeUndefined();
    expect(names.nameOf(q.noParameters)).toBeUndefined();
    expect(names.size).toBe(0);
  });

  it('names no more than its limit of texts', () => {
    const names = new StatementNames(1);
    const q = compile(t.db);
    expect(names.nameOf(q.byId)).toBeDefined();
    expect(names.nameOf(q.oneRow)).toBeUndefined();
    expect(names.nameOf(q.byId)).toBeDefined();
  });
});

describe('named statements on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ maxConnections: 1, prepareStatements: false });
  });
  afterAll(() => t.drop());

  /** Runs `work` three times on one connection, then lists what that session has prepared. */
  async function preparedAfter(
    prepareStatements: boolean,
    work: (db: Kysely<Database>) => Promise<unknown>,
  ) {
    const handle = await createDatabase({ url: t.url, maxConnections: 1, prepareStatements });
    try {
      for (let i = 0; i < 3; i++) await work(handle.db);
      const { rows } = await sql<{
        name: string;
        statement: string;
      }>`select name, statement from pg_prepared_statements`.execute(handle.db);
      return rows;
    } finally {
      await handle.close();
    }
  }

  const byId = (db: Kysely<Database>) =>
    db
      .selectFrom('clinics')
      .select('id')
      .where('id', '=', '00000000-0000-4000-8000-000000000000')
      .execute();

  it('with the setting on, prepares a fixed text once per connection and reuses it', async () => {
    const rows = await preparedAfter(true, byId);
    const ours = rows.filter((r) => r.statement.includes('from "clinics"'));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.name).toMatch(/^cp_/);
  });

  it('with the setting off, prepares nothing', async () => {
    expect(await preparedAfter(false, byId)).toEqual([]);
  });

  it('never prepares an IN list, whatever its length', async () => {
    let n = 0;
    const rows = await preparedAfter(true, (db) => {
      n += 1;
      const ids = Array.from({ length: n }, () => '00000000-0000-4000-8000-000000000000');
      return db.selectFrom('clinics').select('id').where('id', 'in', ids).execute();
    });
    expect(rows.filter((r) => r.statement.includes('from "clinics"'))).toEqual([]);
  });

  it('keeps transactions and results as the unnamed path gives them', async () => {
    const handle = await createDatabase({ url: t.url, maxConnections: 1 });
    try {
      const inserted = await handle.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('patients')
          .values({ name: 'Named', email: 'named@example.com', phone: '+1 555 0199' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const updated = await trx
          .updateTable('patients')
          .set({ name: 'Named again' })
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow();
        expect(updated.numUpdatedRows).toBe(1n);
        return row.id;
      });
      await expect(
        handle.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('patients').where('id', '=', inserted).execute();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const kept = await handle.db
        .selectFrom('patients')
        .select('name')
        .where('id', '=', inserted)
        .executeTakeFirst();
      expect(kept?.name).toBe('Named again');
    } finally {
      await handle.close();
    }
  });
});
