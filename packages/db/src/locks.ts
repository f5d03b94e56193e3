import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `work` while holding a session-level advisory lock on one reserved connection, or answers
 * `{ locked: false }` at once when another process holds it. No transaction is held meanwhile, so
 * `work` may call Stripe. For jobs that must run once across replicas (the sweeper).
 */
export async function withExclusiveLock<T>(
  db: Kysely<Database>,
  key: bigint,
  work: () => Promise<T>,
): Promise<{ locked: true; result: T } | { locked: false }> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${sql.lit(key)}) as locked`.execute(conn);
    if (!rows[0]?.locked) return { locked: false };
    try {
      return { locked: true, result: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(key)})`.execute(conn);
    }
  });
}
