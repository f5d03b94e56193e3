// The API's log of refused webhook requests (webhook_signature_failures, migration
// 2026_11_26_0004; written by recordSignatureFailure). A trigger keeps only the newest 1000 rows,
// so what was added is read from the identity column, which only grows, not from count(*).
import type { DigestReader } from './database-digest.js';

export const SIGNATURE_FAILURES_TABLE = 'webhook_signature_failures';

export async function lastSignatureFailureId(reader: DigestReader): Promise<number> {
  const [row] = await reader.query<{ id: string }>(
    `SELECT coalesce(max(id), 0)::text AS id FROM ${SIGNATURE_FAILURES_TABLE}`,
  );
  return Number(row?.id ?? 0);
}

/** Refusals recorded after `afterId`, counted by reason. */
export async function signatureFailuresSince(
  reader: DigestReader,
  afterId: number,
): Promise<Map<string, number>> {
  const rows = await reader.query<{ reason: string; n: string }>(
    `SELECT reason, count(*)::text AS n FROM ${SIGNATURE_FAILURES_TABLE} WHERE id > $1 GROUP BY reason ORDER BY reason`,
    [afterId],
  );
  return new Map(rows.map((r) => [r.reason, Number(r.n)]));
}
