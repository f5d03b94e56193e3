import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase } from '../connection.js';
import { migrateToLatest } from '../migrate.js';
import { migrations } from '../migrations/index.js';
import type { DatabaseHandle } from '../connection.js';
import { DatabaseUnavailableError } from '../errors.js';
import { maskDatabaseUrl } from '../mask-url.js';
import { testDatabaseUrl } from './env.js';

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
  /** Closes the pool, then terminates any other session and drops the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** false: an empty database (for migration tests). Default true: cloned from the migrated template. */
  migrated?: boolean;
  /** Pool size; small by default because turbo runs suites in parallel on one server. */
  maxConnections?: number;
  /** Named (prepared) statements, as the API sends them by default (true). */
  prepareStatements?: boolean;
}

const TEMPLATE_PREFIX = 'clinicpay_tpl_';
// Serialises template builds and clones across test files and packages running at once.
const TEMPLATE_LOCK_KEY = 7_245_311_052_118_002n;

/**
 * The template's name hashes the migration names and their code, so a new migration, or an edit to
 * an unreleased one during development, gets a new template instead of a stale one. Old templates
 * are left in place (a few MB each): the code's text can differ between test runners (vitest, tsx),
 * and dropping "the other" template would make them rebuild each other's in turn.
 */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const [name, m] of Object.entries(migrations)) hash.update(`${name}\n${m.up.toString()}\n`);
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 12)}`;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `clinicpay_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    await admin.query(`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`);
    try {
      await dropOrphans(admin);
      if (options.migrated === false) {
        await admin.query(`create database ${name}`);
      } else {
        await ensureTemplate(admin);
        await admin.query(`create database ${name} template ${templateName()}`);
      }
    } finally {
      await admin.query(`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`);
    }
  });
  const url = databaseUrl(name);
  const handle = await createDatabase({
    url,
    maxConnections: options.maxConnections ?? 5,
    prepareStatements: options.prepareStatements,
  });
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function ensureTemplate(admin: pg.Client): Promise<void> {
  const template = templateName();
  if (await databaseExists(admin, template)) return;
  // Built under a temporary name and renamed when complete, so a crash never leaves a
  // half-migrated template that later runs would trust.
  const building = `${template}_building`;
  await admin.query(`drop database if exists ${building} with (force)`);
  await admin.query(`create database ${building}`);
  const handle = await createDatabase({ url: databaseUrl(building), maxConnections: 2 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  await admin.query(`alter database ${building} rename to ${template}`);
}

let orphansDropped = false;

/**
 * Test databases left by a killed run (its pid no longer alive here) are dropped once per
 * process. One still connected to is skipped: DROP without FORCE refuses it.
 */
async function dropOrphans(admin: pg.Client): Promise<void> {
  if (orphansDropped) return;
  orphansDropped = true;
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'clinicpay_test_%'`, // the regex below is exact
  );
  for (const { datname } of rows) {
    const pid = Number(/^clinicpay_test_(\d+)_/.exec(datname)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await admin
      .query(`drop database if exists ${pg.escapeIdentifier(datname)}`)
      .catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  const { rowCount } = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
  return rowCount === 1;
}

function databaseUrl(name: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({
    connectionString: testDatabaseUrl,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await admin.connect();
  } catch (e) {
    const masked = maskDatabaseUrl(testDatabaseUrl);
    throw new DatabaseUnavailableError(
      `Tests need PostgreSQL at ${masked} (TEST_DATABASE_URL): ${e instanceof Error ? e.message : String(e)}. ` +
        'Start it (Debian: pg_ctlcluster <version> main start) or point TEST_DATABASE_URL elsewhere.',
      masked,
    );
  }
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
