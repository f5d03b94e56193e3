import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { GatewayMode } from '../statuses.js';

export interface SignatureFailure {
  mode: GatewayMode | null;
  reason: string;
  remoteAddress: string | null;
  receivedAt: Date;
}

/**
 * Counts a rejected webhook delivery. Refusals for one reason from one address (the caller passes
 * an IPv6 address as its /64) within one minute are one row with a count, so a flood of forgeries
 * adds a row a minute per sender instead of pushing real failures out of the newest 1000 (a
 * trigger keeps only those).
 */
export async function recordSignatureFailure(
  db: Kysely<Database>,
  failure: SignatureFailure,
): Promise<void> {
  const minute = new Date(Math.floor(failure.receivedAt.getTime() / 60_000) * 60_000);
  await sql`
    INSERT INTO webhook_signature_failures
      (mode, reason, remote_address, received_at, minute_at, last_received_at, count)
    VALUES (${failure.mode}, ${failure.reason}, ${failure.remoteAddress}, ${failure.receivedAt},
      ${minute}, ${failure.receivedAt}, 1)
    ON CONFLICT (reason, (coalesce(remote_address, '')), minute_at)
    DO UPDATE SET count = webhook_signature_failures.count + 1,
      last_received_at = greatest(webhook_signature_failures.last_received_at, excluded.last_received_at)`.execute(
    db,
  );
}

/** The newest refused webhook deliveries (a row per reason, sender and minute), and how many arrived since a time. */
export async function findSignatureFailures(
  db: Kysely<Database>,
  options: { limit: number; since: Date },
) {
  const [recent, counted] = await Promise.all([
    db
      .selectFrom('webhook_signature_failures')
      .select([
        'mode',
        'reason',
        'remote_address',
        'count',
        sql<Date>`coalesce(last_received_at, received_at)`.as('received_at'),
      ])
      .orderBy(sql`coalesce(last_received_at, received_at)`, 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute(),
    db
      .selectFrom('webhook_signature_failures')
      .select(sql<number>`coalesce(sum(count), 0)::int`.as('n'))
      .where(sql<Date>`coalesce(last_received_at, received_at)`, '>=', options.since)
      .executeTakeFirstOrThrow(),
  ]);
  return { recent, count: Number(counted.n) };
}
