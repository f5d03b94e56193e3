// Typed errors of the db package. Callers switch on `code` and never parse driver errors.
// They carry constraint and table names only: driver details can quote row values (patient data).

export type DbErrorCode =
  | 'slot_taken'
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'check_violation'
  | 'unsafe_integer'
  | 'database_unavailable'
  | 'database_busy'
  | 'migration_failed';

export abstract class DbError extends Error {
  abstract readonly code: DbErrorCode;
}

/** Another active appointment of the same doctor overlaps this time (the exclusion constraint). */
export class SlotTakenError extends DbError {
  readonly code = 'slot_taken';
  override readonly name = 'SlotTakenError';
  constructor() {
    super('This time was just taken. Please choose another time.');
  }
}

abstract class ConstraintError extends DbError {
  constructor(
    message: string,
    readonly constraint: string | undefined,
    readonly table: string | undefined,
  ) {
    super(message);
  }
}

export class UniqueViolationError extends ConstraintError {
  readonly code = 'unique_violation';
  override readonly name = 'UniqueViolationError';
  constructor(constraint: string | undefined, table: string | undefined) {
    super(`Duplicate value for unique constraint ${constraint ?? '(unknown)'}`, constraint, table);
  }
}

export class ForeignKeyViolationError extends ConstraintError {
  readonly code = 'foreign_key_violation';
  override readonly name = 'ForeignKeyViolationError';
  constructor(constraint: string | undefined, table: string | undefined) {
    super(
      `Missing or still referenced row for foreign key ${constraint ?? '(unknown)'}`,
      constraint,
      table,
    );
  }
}

export class CheckViolationError extends ConstraintError {
  readonly code = 'check_violation';
  override readonly name = 'CheckViolationError';
  constructor(constraint: string | undefined, table: string | undefined) {
    super(`Value rejected by check constraint ${constraint ?? '(unknown)'}`, constraint, table);
  }
}

/** An int8 the database returned does not fit a JS number exactly (it never becomes a BigInt). */
export class UnsafeIntegerError extends DbError {
  readonly code = 'unsafe_integer';
  override readonly name = 'UnsafeIntegerError';
  constructor(readonly value: string) {
    super(
      `The database returned the integer ${value}, beyond Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}); ` +
        'money and counts must fit in a JS number.',
    );
  }
}

/** The database cannot be reached or opened. The message is meant for the person starting the app. */
export class DatabaseUnavailableError extends DbError {
  readonly code = 'database_unavailable';
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    message: string,
    /** Where we tried: the URL with its password masked, or the PGlite data directory. */
    readonly target: string,
  ) {
    super(message);
  }
}

/**
 * Every pooled connection stayed in use for the whole wait: the database answers but is
 * overloaded (or the pool too small for the load). Worth trying again shortly; nothing ran.
 */
export class DatabaseBusyError extends DbError {
  readonly code = 'database_busy';
  override readonly name = 'DatabaseBusyError';
  constructor(
    readonly waitedMs: number,
    options?: { cause: unknown },
  ) {
    super(
      `Every database connection stayed in use for ${waitedMs} ms; the query did not run.`,
      options,
    );
  }
}

export class MigrationFailedError extends DbError {
  readonly code = 'migration_failed';
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migrationName: string | undefined,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      migrationName
        ? `Migration ${migrationName} failed: ${reason}`
        : `Migrations could not run: ${reason}`,
      options,
    );
  }
}

export function isDbError(e: unknown): e is DbError {
  return e instanceof DbError;
}
