import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { GatewayMode } from '../statuses.js';

export interface SignatureFailure {
  mode: GatewayMode | null;
  reason: string;
  remoteAddress: string | null;
  receivedAt: Date;
}

/** Counts a rejected webhook delivery; a trigger keeps only the newest 1000 rows. */
export async function recordSignatureFailure(
  db: Kysely<Database>,
  failure: SignatureFailure,
): Promise<void> {
  await db
    .insertInto('webhook_signature_failures')
    .values({
      mode: failure.mode,
      reason: failure.reason,
      remote_address: failure.remoteAddress,
      received_at: failure.receivedAt,
    })
    .execute();
}

/** The newest refused webhook deliveries, and how many arrived since a time. */
export async function findSignatureFailures(
  db: Kysely<Database>,
  options: { limit: number; since: Date },
) {
  const [recent, counted] = await Promise.all([
    db
      .selectFrom('webhook_signature_failures')
      .select(['mode', 'reason', 'remote_address', 'received_at'])
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute(),
    db
      .selectFrom('webhook_signature_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('received_at', '>=', options.since)
      .executeTakeFirstOrThrow(),
  ]);
  return { recent, count: Number(counted.n) };
}
