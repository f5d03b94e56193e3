import {
  CheckViolationError,
  DbError,
  ForeignKeyViolationError,
  SlotTakenError,
  UniqueViolationError,
} from './errors.js';

/** The exclusion constraint that keeps one doctor's active appointments apart (migration 0002). */
export const APPOINTMENT_OVERLAP_CONSTRAINT = 'appointments_no_overlap';

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Maps a pg or PGlite error (both carry SQLSTATE `code`, `constraint` and `table`) to a typed
 * DbError; anything else is returned unchanged, so `throw translateDbError(e)` is always right.
 */
export function translateDbError(e: unknown): unknown {
  if (e instanceof DbError || typeof e !== 'object' || e === null) return e;
  const { code, constraint, table } = e as DriverError;
  const name = asString(constraint);
  const tableName = asString(table);
  switch (code) {
    case '23P01':
      return name === APPOINTMENT_OVERLAP_CONSTRAINT ? new SlotTakenError() : e;
    case '23505':
      return new UniqueViolationError(name, tableName);
    case '23503':
      return new ForeignKeyViolationError(name, tableName);
    case '23514':
      return new CheckViolationError(name, tableName);
    default:
      return e;
  }
}

/** Runs a write and rethrows driver constraint errors as typed DbErrors. */
export async function withDbErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw translateDbError(e);
  }
}
