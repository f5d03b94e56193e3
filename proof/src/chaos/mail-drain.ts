// After the run: how long until the outbox has nothing left to send. A row not yet due and never
// tried (a reminder days ahead) is not waiting on the run; a retry waiting out its backoff is.
import type { Kysely } from 'kysely';
import { sql, type Database } from '@clinicpay/db';

export interface OutboxLeft {
  /** Pending or being sent, and due (or already tried once). */
  waiting: number;
  /** Pending, never tried, due later: by kind. */
  notYetDue: Record<string, number>;
}

export async function countOutboxLeft(db: Kysely<Database>): Promise<OutboxLeft> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select([
      'kind',
      sql<boolean>`attempts = 0 and due_at > now()`.as('later'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('status', 'in', ['pending', 'sending'])
    .groupBy(['kind', 'later'])
    .execute();
  const notYetDue: Record<string, number> = {};
  let waiting = 0;
  for (const row of rows) {
    if (row.later) notYetDue[row.kind] = (notYetDue[row.kind] ?? 0) + row.n;
    else waiting += row.n;
  }
  return { waiting, notYetDue };
}

/** Polls until nothing is waiting to be sent, or the timeout passes. */
export async function waitUntilMailDrained(
  db: Kysely<Database>,
  timeoutMs: number,
): Promise<{ seconds: number; left: OutboxLeft }> {
  const started = performance.now();
  let left = await countOutboxLeft(db);
  while (left.waiting > 0 && performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 250));
    left = await countOutboxLeft(db);
  }
  return { seconds: (performance.now() - started) / 1000, left };
}

/** Messages that went out only after at least one failed try (the outage's). */
export async function countRetriedMail(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'sent')
    .where('attempts', '>', 1)
    .executeTakeFirstOrThrow();
  return row.n;
}
