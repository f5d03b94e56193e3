import {
  AbortedTransactionError,
  CompiledQuery,
  IdentifierNode,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  RawNode,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { StatementNames } from './statement-names.js';

/** The part of a pg pool the driver uses (postgres.ts wraps pg's to type its errors). */
export interface PgPool {
  connect(): Promise<pg.PoolClient>;
  end(): Promise<void>;
}

/**
 * Kysely's PostgreSQL dialect, with one change: when `prepare` is on, statements with a fixed
 * text are sent as pg named statements (`{ name, text, values }`), so each pooled connection
 * parses and plans them once (statement-names.ts decides which). Off, every statement is sent
 * unnamed, exactly as kysely's own driver sends it: the setting for PgBouncer in transaction mode,
 * where a connection's prepared statements are not there on the next transaction's server.
 */
export class PgDialect implements Dialect {
  constructor(private readonly config: { pool: PgPool; prepare: boolean }) {}

  createDriver(): Driver {
    return new PgDriver(this.config.pool, this.config.prepare ? new StatementNames() : undefined);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

class PgDriver implements Driver {
  constructor(
    private readonly pool: PgPool,
    private readonly names: StatementNames | undefined,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgConnection(await this.pool.connect(), this.names);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const options = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`];
    options.push(settings.accessMode);
    const extra = options.filter(Boolean).join(' ');
    (connection as PgConnection).begin(extra ? `start transaction ${extra}` : 'begin');
    return Promise.resolve();
  }

  async commitTransaction(connection: DatabaseConnection) {
    const { rows } = await connection.executeQuery<{ command?: string }>(
      CompiledQuery.raw('commit'),
    );
    // PostgreSQL answers COMMIT with a ROLLBACK tag when an earlier error aborted the transaction.
    if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      // A connection that cannot roll back is in an unknown state: the pool must not reuse it.
      (connection as PgConnection).discard();
      throw error;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    await connection.executeQuery(savepointCommand('savepoint', name, compile));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    await connection.executeQuery(savepointCommand('rollback to', name, compile));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    await connection.executeQuery(savepointCommand('release', name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PgConnection).release();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

type Compile = QueryCompiler['compileQuery'];

function savepointCommand(command: string, name: string, compile: Compile) {
  const node = RawNode.createWithChildren([
    RawNode.createWithSql(`${command} `),
    IdentifierNode.create(name),
  ]);
  return compile(node, { queryId: `${command}:${name}` });
}

class PgConnection implements DatabaseConnection {
  #discarded = false;
  #begin: Promise<unknown> | undefined;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames | undefined,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#discarded) throw new Error('This PostgreSQL connection was discarded');
    const name = this.names?.nameOf(compiled);
    const values = compiled.parameters as unknown[];
    const begin = this.#begin;
    this.#begin = undefined;
    let result: pg.QueryResult;
    try {
      const query =
        name === undefined
          ? this.client.query(compiled.sql, values)
          : this.client.query({ name, text: compiled.sql, values });
      if (begin) {
        // BEGIN went out just before, unanswered: one round trip answers both. Were BEGIN
        // refused (a broken connection; nothing else refuses it), its error is the one to report.
        const [began] = await Promise.allSettled([begin, query]);
        if (began.status === 'rejected') throw began.reason;
      }
      result = await query;
    } catch (error) {
      throw withCallerStack(error, new Error());
    }
    const { command, rowCount } = result;
    if (command === 'COMMIT' || command === 'ROLLBACK') return { rows: [{ command } as R] };
    const counted =
      command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return {
      numAffectedRows: counted ? BigInt(rowCount ?? 0) : undefined,
      rows: (result.rows ?? []) as R[],
    };
  }

  // Nothing here streams; kysely's interface asks for it.
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported: page with keyset queries instead');
  }

  /**
   * Sends BEGIN without waiting for its answer: the pool's clients pipeline (postgres.ts), so the
   * transaction's first statement follows it on the wire and one round trip answers both.
   */
  begin(sql: string): void {
    if (this.#discarded) throw new Error('This PostgreSQL connection was discarded');
    const sent = this.client.query(sql);
    // Awaited with the next statement; until then a failure must not count as unhandled.
    sent.catch(() => undefined);
    this.#begin = sent;
  }

  discard(): void {
    this.#discarded = true;
  }

  release(): void {
    this.client.release(this.#discarded);
  }
}

/** pg's errors carry only the socket's stack: add the caller's, as kysely's own driver does. */
function withCallerStack(error: unknown, caller: Error): unknown {
  if (error instanceof Error && typeof error.stack === 'string' && caller.stack) {
    error.stack += `\n${caller.stack.split('\n').slice(1).join('\n')}`;
  }
  return error;
}
