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
 * Money received per day of the clinic's calendar (the day it was paid, or booked when the payment
 * does not say), per currency: gross, and what has been refunded of it.
 */
export async function dailyRevenue(db: Kysely<Database>, filter: TransactionFilter, timeZone: string) {
  const paidAt = sql<Date>`coalesce(p.completed_at, p.created_at)`;
  const day = sql<string>`to_char(${paidAt} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
  let query = filteredPayments(db, { ...filter, from: undefined, to: undefined }).where('p.status', 'in', CAPTURED);
  if (filter.from) query = query.where(paidAt, '>=', filter.from);
  if (filter.to) query = query.where(paidAt, '<', filter.to);
  return query
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
    .execute();
}
