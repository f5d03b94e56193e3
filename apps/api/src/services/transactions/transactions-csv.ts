import { toDecimalString, type ExportTransactionsInput } from '@clinicpay/contracts';
import {
  EXPORT_COLUMNS,
  exportTransactionsBatch,
  type Database,
  type Kysely,
  type TransactionExportRow,
  type TransactionPageRequest,
} from '@clinicpay/db';
import { toTransactionFilter } from './transaction-filters.js';

/**
 * Rows per query. With the next batch fetched while this one is written, a thousand is as fast as
 * five thousand (measured: docs/admin-api.md) and holds less in memory at once.
 */
export const CSV_BATCH_ROWS = 1000;

/**
 * The transactions as CSV, produced batch by batch in keyset order: memory stays flat whatever the
 * row count, each query is an index range (also on PGlite), and a consumer that reads slowly
 * simply pauses the queries (an async generator runs only when pulled). The next batch is asked
 * for while this one is formatted, so the database and the formatting overlap.
 */
export async function* transactionsCsv(
  db: Kysely<Database>,
  input: ExportTransactionsInput,
  batchRows = CSV_BATCH_ROWS,
): AsyncGenerator<string> {
  // The byte order mark makes spreadsheet programs read accented names as UTF-8.
  yield `\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`;
  const filter = toTransactionFilter(input);
  const batch = (after: TransactionPageRequest['after']) => {
    const rows = exportTransactionsBatch(db, {
      filter,
      sort: input.sort,
      direction: input.direction,
      after,
      limit: batchRows,
    });
    // If the download is abandoned while a batch is in flight, nobody awaits it: never unhandled.
    rows.catch(() => undefined);
    return rows;
  };
  const decimals = decimalCache();
  let next = batch(undefined);
  for (;;) {
    const rows = await next;
    const last = rows.at(-1);
    const after =
      rows.length === batchRows && last?.last_id && last.last_created_at_key
        ? {
            value: input.sort === 'amount' ? last.amount : last.last_created_at_key,
            id: last.last_id,
          }
        : null;
    if (after) next = batch(after);
    if (rows.length > 0) yield rows.map((row) => csvLine(row, decimals)).join('');
    if (!after) return;
  }
}

function csvLine(
  row: TransactionExportRow,
  decimal: (amount: number, currency: string) => string,
): string {
  return `${row.head},${decimal(row.amount, row.currency)},${decimal(row.amount_refunded, row.currency)}\r\n`;
}

/**
 * Amounts in their currency's decimal form, by the one module that knows exponents, remembered:
 * a clinic charges a handful of prices, so a million rows need only a few hundred conversions
 * (and make that much less garbage). Bounded, in case amounts are all different.
 */
function decimalCache(limit = 10_000): (amount: number, currency: string) => string {
  const byCurrency = new Map<string, Map<number, string>>();
  let size = 0;
  return (amount, currency) => {
    let known = byCurrency.get(currency);
    if (!known) byCurrency.set(currency, (known = new Map<number, string>()));
    let text = known.get(amount);
    if (text === undefined) {
      text = toDecimalString({ amount, currency });
      if (size++ < limit) known.set(amount, text);
    }
    return text;
  };
}
