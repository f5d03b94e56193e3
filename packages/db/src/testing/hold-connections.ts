import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Takes `count` of the pool's connections and keeps them, as long transactions would, until
 * `release` is called; resolves once all are held. For tests of what callers get from a full pool.
 */
export async function holdConnections(
  db: Kysely<Database>,
  count: number,
): Promise<{ release: () => Promise<void> }> {
  let letGo!: () => void;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  const holders: Promise<void>[] = [];
  const held: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    let isHeld!: () => void;
    held.push(new Promise<void>((resolve) => (isHeld = resolve)));
    holders.push(
      db.connection().execute(async (connection) => {
        await sql`select 1`.execute(connection);
        isHeld();
        await released;
      }),
    );
  }
  await Promise.all(held);
  return {
    release: async () => {
      letGo();
      await Promise.all(holders);
    },
  };
}
