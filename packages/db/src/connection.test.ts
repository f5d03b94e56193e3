import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConnection } from './check-connection.js';
import { createDatabase } from './connection.js';
import { DatabaseUnavailableError } from './errors.js';
import { maskDatabaseUrl } from './mask-url.js';
import { migrateToLatest } from './migrate.js';
import { testDatabaseUrl } from './testing/env.js';

describe('maskDatabaseUrl', () => {
  it('masks the password and keeps what helps to debug', () => {
    expect(maskDatabaseUrl('postgres://user:s3cret@db.example:5432/app')).toBe(
      'postgres://user:***@db.example:5432/app',
    );
    expect(maskDatabaseUrl('postgresql://u:p%40ss@h/db?sslmode=require&password=x')).toBe(
      'postgresql://u:***@h/db?sslmode=require&password=***',
    );
    expect(maskDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
    expect(maskDatabaseUrl('host=h user=u password=hunter2 dbname=d')).toBe(
      'host=h user=u password=*** dbname=d',
    );
  });
});

describe('createDatabase', () => {
  it('gives DatabaseUnavailableError for an unreachable server, password masked', async () => {
    const error = await createDatabase({ url: 'postgres://clinic:hunter2@127.0.0.1:1/app' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const e = error as DatabaseUnavailableError;
    expect(e.code).toBe('database_unavailable');
    expect(e.target).toBe('postgres://clinic:***@127.0.0.1:1/app');
    expect(e.message).toContain('postgres://clinic:***@127.0.0.1:1/app');
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.message).toMatch(/Check that the server is running/);
    expect(e.message).not.toContain('hunter2');
  });

  it('opens PostgreSQL from a URL, capped pool, and answers health checks', async () => {
    const handle = await createDatabase({ url: testDatabaseUrl, maxConnections: 2 });
    try {
      expect(handle.kind).toBe('postgres');
      const check = await checkConnection(handle.db);
      expect(check.ok).toBe(true);
    } finally {
      await handle.close();
    }
    // After close, the check reports instead of throwing.
    expect(await checkConnection(handle.db)).toMatchObject({ ok: false });
  });

  it('opens a persistent PGlite in dataDir when no URL is given, and finds its data again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clinicpay-pglite-'));
    const dataDir = join(dir, 'nested', 'pglite');
    try {
      const first = await createDatabase({ dataDir });
      expect(first.kind).toBe('pglite');
      expect((await migrateToLatest(first.db)).executed.length).toBeGreaterThan(0);
      await first.db
        .insertInto('clinics')
        .values({ name: 'Kept', time_zone: 'UTC', currency: 'USD' })
        .execute();
      await first.close();

      const second = await createDatabase({ dataDir });
      try {
        expect(await migrateToLatest(second.db)).toEqual({ executed: [] });
        const clinics = await second.db.selectFrom('clinics').select('name').execute();
        expect(clinics).toEqual([{ name: 'Kept' }]);
        expect(await checkConnection(second.db)).toMatchObject({ ok: true });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
