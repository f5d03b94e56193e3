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
