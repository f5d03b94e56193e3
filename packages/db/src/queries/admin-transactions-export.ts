import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { transactionsPage, type TransactionPageRequest } from './admin-transactions.js';

/** ISO 8601 in UTC with milliseconds, as `Date#toISOString`. */
const iso = (column: 'p.created_at' | 'p.completed_at' | 'a.starts_at') =>
  sql<string>`coalesce(to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;

type TextColumn =
  | 'a.reference'
  | 'pt.name'
  | 'pt.email'
  | 's.name'
  | 'p.gateway'
  | 'p.mode'
  | 'p.status'
  | 'p.payment_intent_id'
  | 'p.checkout_session_id'
  | 'p.currency';

/**
 * A text field as a CSV cell: no formulas (a leading = + - @ tab or CR gets an apostrophe, so a
 * patient named `=HYPERLINK(…)` stays text in a spreadsheet), then RFC 4180 quoting. Every text
 * column goes through it, ids from Stripe too: they arrive in events and are not ours to trust.
 */
const cell = (column: TextColumn) => {
  const value = sql`coalesce(${sql.ref(column)}::text, '')`;
  const safe = sql`(CASE WHEN ${value} ~ '^[=+@\\t\\r-]' THEN '''' || ${value} ELSE ${value} END)`;
  return sql<string>`(CASE WHEN ${safe} ~ '[",\\r\\n]' THEN '"' || replace(${safe}, '"', '""') || '"' ELSE ${safe} END)`;
};

/** The export's columns, in the order of `head` and then the two amounts. */
export const EXPORT_COLUMNS = [
  'Created (UTC)',
  'Reference',
  'Patient',
  'Email',
  'Service',
  'Appointment (UTC)',
  'Gateway',
  'Mode',
  'Status',
  'Stripe payment intent',
  'Stripe checkout session',
  'Paid (UTC)',
  'Currency',
  'Amount',
  'Refunded',
] as const;

/**
 * A batch for the CSV export, in the list's order and keyset. The database writes the text
 * columns as CSV already (escaped and joined): six columns to parse instead of seventeen, and
 * no Date objects, keep a million rows quick and the API's garbage small. Amounts stay numbers:
 * their decimal form is the money module's (contracts) to write.
 *
 * Run without parallel workers: a batch is a short index range, where starting workers costs more
 * than it saves, and the cores are better left to the API formatting the previous batch.
 */
export async function exportTransactionsBatch(
  db: Kysely<Database>,
  request: TransactionPageRequest,
) {
  // Every column but the amounts, which come last (see EXPORT_COLUMNS).
  const head = sql<string>`concat_ws(',', ${iso('p.created_at')}, ${cell('a.reference')}, ${cell('pt.name')}, ${cell('pt.email')}, ${cell('s.name')},
    ${iso('a.starts_at')}, ${cell('p.gateway')}, ${cell('p.mode')}, ${cell('p.status')}, ${cell('p.payment_intent_id')}, ${cell('p.checkout_session_id')},
    ${iso('p.completed_at')}, ${cell('p.currency')})`;
  // Only a full batch's last row says where the next batch starts; other rows carry no keys.
  const direction = sql.raw(request.direction === 'desc' ? 'DESC' : 'ASC');
  const isLast = sql`row_number() OVER (ORDER BY ${sql.ref(request.sort === 'amount' ? 'p.amount' : 'p.created_at')} ${direction}, p.id ${direction}) = ${request.limit}`;
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    return transactionsPage(trx, request)
      .select([
        head.as('head'),
        'p.amount',
        'p.currency',
        'p.amount_refunded',
        sql<string | null>`CASE WHEN ${isLast} THEN p.id::text END`.as('last_id'),
        sql<string | null>`CASE WHEN ${isLast} THEN p.created_at::text END`.as(
          'last_created_at_key',
        ),
      ])
      .execute();
  });
}

export type TransactionExportRow = Awaited<ReturnType<typeof exportTransactionsBatch>>[number];
