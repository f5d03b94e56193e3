// The API's log of refused webhook requests (webhook_signature_failures, written by
// recordSignatureFailure): one row per reason, sender and minute with a count, so a flood adds a
// row a minute, not a row a request. What a run added is the difference of the counts per reason
// (a trigger keeps the newest 1000 rows, far more than a run's few minutes and senders make).
import type { DigestReader } from './database-digest.js';

export const SIGNATURE_FAILURES_TABLE = 'webhook_signature_failures';

/** Refusals recorded so far, by reason (the sum of the rows' counts). */
export async function signatureFailureCounts(reader: DigestReader): Promise<Map<string, number>> {
  const rows = await reader.query<{ reason: string; n: string }>(
    `SELECT reason, sum(count)::text AS n FROM ${SIGNATURE_FAILURES_TABLE} GROUP BY reason ORDER BY reason`,
  );
  return new Map(rows.map((r) => [r.reason, Number(r.n)]));
}

/** What was recorded between two readings, by reason (reasons that did not grow left out). */
export function signatureFailuresAdded(
  before: Map<string, number>,
  after: Map<string, number>,
): Map<string, number> {
  const added = new Map<string, number>();
  for (const [reason, n] of after) {
    const grew = n - (before.get(reason) ?? 0);
    if (grew > 0) added.set(reason, grew);
  }
  return added;
}

/** How many rows hold the refusals: what the per-minute aggregation keeps of a flood. */
export async function signatureFailureRows(reader: DigestReader): Promise<number> {
  const [row] = await reader.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${SIGNATURE_FAILURES_TABLE}`,
  );
  return Number(row?.n ?? 0);
}
