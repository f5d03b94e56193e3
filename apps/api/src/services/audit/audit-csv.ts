import type { AuditFiltersInput } from '@clinicpay/contracts';
import { listAuditEntries, type Database, type Kysely } from '@clinicpay/db';
import { auditFilters } from './audit-log.service.js';

const BATCH = 1000;
const COLUMNS = ['at', 'actor', 'action', 'target', 'ip', 'details'];

/**
 * The audit log as CSV, newest first, batch by batch (an async generator runs only when pulled,
 * so a slow download pauses the queries). Every cell is escaped: a value a spreadsheet would take
 * for a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe.
 */
export async function* auditCsv(
  db: Kysely<Database>,
  input: AuditFiltersInput,
): AsyncGenerator<string> {
  yield `\uFEFF${COLUMNS.join(',')}\r\n`;
  const filters = auditFilters(input);
  let beforeId: number | undefined;
  for (;;) {
    const rows = await listAuditEntries(db, { ...filters, limit: BATCH, beforeId });
    if (rows.length > 0)
      yield rows
        .map((row) =>
          [
            row.at.toISOString(),
            row.actor,
            row.action,
            row.target ?? '',
            row.ip ?? '',
            JSON.stringify(row.details),
          ]
            .map(csvCell)
            .join(','),
        )
        .map((line) => `${line}\r\n`)
        .join('');
    if (rows.length < BATCH) return;
    beforeId = rows.at(-1)!.id;
  }
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
