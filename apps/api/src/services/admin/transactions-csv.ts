import { toDecimalString, type ExportTransactionsInput } from '@clinicpay/contracts';
import { listTransactionsPage, type Database, type Kysely, type TransactionRow } from '@clinicpay/db';
import { toTransactionFilter } from './transaction-filters.js';

/** Rows per query: large enough that 1,000,000 rows take few round trips, small enough to stay light. */
export const CSV_BATCH_ROWS = 2000;

const COLUMNS = [
  'Created (UTC)',
  'Reference',
  'Patient',
  'Email',
  'Service',
  'Appointment (UTC)',
  'Gateway',
  'Mode',
  'Status',
  'Amount',
  'Currency',
  'Refunded',
  'Stripe payment intent',
  'Stripe checkout session',
  'Paid (UTC)',
] as const;

/**
 * The transactions as CSV, produced batch by batch in keyset order: memory stays flat whatever the
 * row count, each query is an index range (also on PGlite), and a consumer that reads slowly
 * simply pauses the queries (an async generator runs only when pulled).
 */
export async function* transactionsCsv(db: Kysely<Database>, input: ExportTransactionsInput, batchRows = CSV_BATCH_ROWS): AsyncGenerator<string> {
  // The byte order mark makes spreadsheet programs read accented names as UTF-8.
  yield `\uFEFF${COLUMNS.join(',')}\r\n`;
  const filter = toTransactionFilter(input);
  let after: { value: string | number; id: string } | undefined;
  for (;;) {
    const rows = await listTransactionsPage(db, { filter, sort: input.sort, direction: input.direction, after, limit: batchRows });
    if (rows.length > 0) yield rows.map(csvLine).join('');
    if (rows.length < batchRows) return;
    const last = rows.at(-1)!;
    after = { value: input.sort === 'amount' ? last.amount : last.created_at_key, id: last.id };
  }
}

function csvLine(row: TransactionRow): string {
  const money = (amount: number) => toDecimalString({ amount, currency: row.currency });
  return (
    [
      row.created_at.toISOString(),
      row.reference,
      row.patient_name,
      row.patient_email,
      row.service_name,
      row.starts_at.toISOString(),
      row.gateway,
      row.mode ?? '',
      row.status,
      money(row.amount),
      row.currency,
      money(row.amount_refunded),
      row.payment_intent_id ?? '',
      row.checkout_session_id ?? '',
      row.completed_at?.toISOString() ?? '',
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}

/**
 * RFC 4180 quoting, and no formulas: a patient named `=HYPERLINK(…)` must not become a live
 * formula in the clinic's spreadsheet, so such cells are prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
