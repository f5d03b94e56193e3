import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { filteredPayments, type TransactionFilter } from './admin-transactions.js';

/** Statuses in which money was received (and may since have gone back in part or whole). */
const CAPTURED = ['completed', 'partially_refunded', 'refunded', 'paid_at_clinic'] as const;

/** Count and sums per status and currency, over the filtered payments. */
export async function totalsByStatusAndCurrency(db: Kysely<Database>, filter: TransactionFilter) {
  return filteredPayments(db, filter)
    .select([
      'p.status',
      'p.currency',
      sql<number>`count(*)::int8`.as('count'),
      sql<number>`coalesce(sum(p.amount), 0)::int8`.as('amount'),
      sql<number>`coalesce(sum(p.amount_refunded), 0)::int8`.as('refunded'),
    ])
    .groupBy(['p.status', 'p.currency'])
    .orderBy('p.currency')
    .orderBy('p.status')
    .execute();
}

/**
 * Money received per day of the clinic's calendar, per currency: gross, and what has been refunded
 * of it. A payment counts on the day it was created: a card payment is paid within its hold (35
 * minutes), and the day stays an index range on created_at at any size.
 */
export async function dailyRevenue(
  db: Kysely<Database>,
  filter: TransactionFilter,
  timeZone: string,
) {
  const day = sql<string>`to_char(p.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
  return (
    filteredPayments(db, filter)
      .where('p.status', 'in', CAPTURED)
      .select([
        day.as('day'),
        'p.currency',
        sql<number>`count(*)::int8`.as('count'),
        sql<number>`coalesce(sum(p.amount), 0)::int8`.as('gross'),
        sql<number>`coalesce(sum(p.amount_refunded), 0)::int8`.as('refunded'),
      ])
      // By position: the time zone is a parameter, and PostgreSQL does not see two uses of one
      // parameter ($1, $2) as the same expression.
      .groupBy(sql.raw('1, 2'))
      .orderBy(sql.raw('1, 2'))
      .execute()
  );
}
