import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Counts one hit in a fixed window and returns the window's count after it. One statement, so
 * concurrent hits from several API replicas are all counted (the row lock serialises them).
 */
export async function hitRateLimitCounter(
  db: Kysely<Database>,
  key: string,
  windowStart: Date,
): Promise<number> {
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['key', 'window_start'])
        .doUpdateSet({ count: sql<number>`rate_limit_counters.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Takes back one hit counted in a window (an attempt that turned out not to count). */
export async function takeBackRateLimitHit(
  db: Kysely<Database>,
  key: string,
  windowStart: Date,
): Promise<void> {
  await db
    .updateTable('rate_limit_counters')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .where('count', '>', 0)
    .execute();
}

/** The counts of several keys in one window, without counting (0 for a key not seen). */
export async function readRateLimitCounters(
  db: Kysely<Database>,
  keys: string[],
  windowStart: Date,
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('rate_limit_counters')
    .select(['key', 'count'])
    .where('key', 'in', keys)
    .where('window_start', '=', windowStart)
    .execute();
  return new Map(rows.map((r) => [r.key, r.count]));
}

export async function clearRateLimitCounter(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('key', '=', key).execute();
}

/** Windows that ended long ago; the table would otherwise grow with every address ever seen. */
export async function deleteRateLimitCountersBefore(
  db: Kysely<Database>,
  before: Date,
): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('window_start', '<', before).execute();
}
