import { Kysely } from 'kysely';
import pg from 'pg';
import { DatabaseBusyError, DatabaseUnavailableError } from './errors.js';
import { INT8_OID, parseInt8 } from './int8.js';
import { maskDatabaseUrl } from './mask-url.js';
import { PgDialect } from './pg-driver.js';
import type { Database } from './schema.js';

export const DEFAULT_MAX_CONNECTIONS = 10;
/** PostgreSQL allows 100 connections in all, shared by every replica and test worker. */
export const MAX_CONNECTIONS_CAP = 50;

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
  connectTimeoutMs?: number;
  /** Errors of idle pooled connections (server restart, terminated backend); ignored by default. */
  onPoolError?: (error: Error) => void;
  /**
   * Sends fixed statement texts as named (prepared) statements (default true). Off behind a
   * pooler in transaction mode (PgBouncer's default), which hands each transaction any server
   * connection: a statement prepared on one is missing on the next.
   */
  prepareStatements?: boolean;
}

// Per pool rather than pg.types.setTypeParser, which would change every pg user in the process.
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID ? parseInt8 : (pg.types.getTypeParser(oid, format) as unknown),
};

export function clampConnections(requested: number | undefined): number {
  const n = requested ?? DEFAULT_MAX_CONNECTIONS;
  return Math.min(Math.max(1, Math.floor(n)), MAX_CONNECTIONS_CAP);
}

/** Opens a pool and proves it can reach the server, so a bad URL fails at start-up, not first use. */
export async function openPostgres(options: PostgresOptions): Promise<Kysely<Database>> {
  const waitMs = options.connectTimeoutMs ?? 5_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: clampConnections(options.maxConnections),
    connectionTimeoutMillis: waitMs,
    types,
    // A client sends a query without waiting for the one before to be answered. Kysely awaits
    // each statement, so only the driver's BEGIN travels with the statement after it (pg-driver.ts).
    pipeline: true,
  });
  const onError = options.onPoolError ?? (() => undefined);
  pool.on('error', onError);
  // The pool only listens to idle clients. A checked-out client between queries (the sweeper holds
  // one for its lock while it calls Stripe; a transaction between statements) would otherwise
  // emit an unhandled 'error' when the server restarts, and that ends the process. The pool
  // drops such a client when it is released.
  pool.on('connect', (client) => client.on('error', onError));
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw unavailable(options.url, e);
  }
  // pg-pool gives up waiting for a free connection with a plain Error; callers get a typed one,
  // so an overloaded database is answered "busy, try again" rather than as a failure of the code.
  const typedPool = {
    connect: () =>
      pool.connect().catch((error: unknown) => {
        throw isPoolWaitTimeout(error) ? new DatabaseBusyError(waitMs, { cause: error }) : error;
      }),
    end: () => pool.end(),
  };
  const prepare = options.prepareStatements ?? true;
  return new Kysely<Database>({ dialect: new PgDialect({ pool: typedPool, prepare }) });
}

/** pg-pool's message when a caller waited `connectionTimeoutMillis` in its queue. */
function isPoolWaitTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}

function unavailable(url: string, e: unknown): DatabaseUnavailableError {
  const masked = maskDatabaseUrl(url);
  const reason = describe(e, url);
  return new DatabaseUnavailableError(
    `Cannot connect to PostgreSQL at ${masked} (${reason}). Check that the server is running and ` +
      'reachable at that host and port, that the database and user exist and the credentials are right ' +
      'in DATABASE_URL; or unset DATABASE_URL to use the embedded database.',
    masked,
  );
}

function describe(e: unknown, url: string): string {
  const { code, message } = (typeof e === 'object' && e !== null ? e : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' && message !== '' ? message : String(e);
  const withCode = typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
  // A driver message may quote the connection string; the password must not reach a log line.
  const password = passwordOf(url);
  return password ? withCode.split(password).join('***') : withCode;
}

function passwordOf(url: string): string | undefined {
  try {
    const p = new URL(url).password;
    return p === '' ? undefined : decodeURIComponent(p);
  } catch {
    return undefined;
  }
}
