import { addDays, toLocal, type TransactionFilters } from '@clinicpay/contracts';
import { dailyRevenue, totalsByStatusAndCurrency } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { toTransactionFilter } from './transaction-filters.js';

const DEFAULT_DAYS = 30;
const MAX_SERIES_DAYS = 366;

/**
 * Totals per status and currency, and money received per day in the clinic's calendar. Without
 * dates it covers the last 30 days. Days without payments are in the series with zeros, so a
 * chart needs no gap-filling.
 */
export async function summarizeTransactions(ctx: AppDeps, input: TransactionFilters) {
  const clinic = await requireClinic(ctx.db);
  const now = ctx.clock.now();
  const to = input.to ? new Date(input.to) : now;
  const from = input.from
    ? new Date(input.from)
    : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  const filter = { ...toTransactionFilter(input), from, to };
  const [totals, days] = await Promise.all([
    totalsByStatusAndCurrency(ctx.db, filter),
    dailyRevenue(ctx.db, filter, clinic.time_zone),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone: clinic.time_zone,
    totals: totals.map((t) => ({
      status: t.status,
      currency: t.currency,
      count: t.count,
      amount: t.amount,
      refunded: t.refunded,
    })),
    dailyRevenue: fillDays(
      days,
      toLocal(from, clinic.time_zone).date,
      toLocal(new Date(to.getTime() - 1), clinic.time_zone).date,
    ),
  };
}

type Day = { day: string; currency: string; count: number; gross: number; refunded: number };

function fillDays(rows: Day[], first: string, last: string) {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const byKey = new Map(rows.map((r) => [`${r.day} ${r.currency}`, r]));
  const series: {
    day: string;
    currency: string;
    count: number;
    gross: number;
    refunded: number;
    net: number;
  }[] = [];
  for (let day = first, n = 0; day <= last && n < MAX_SERIES_DAYS; day = addDays(day, 1), n++) {
    for (const currency of currencies) {
      const row = byKey.get(`${day} ${currency}`);
      const gross = row?.gross ?? 0;
      const refunded = row?.refunded ?? 0;
      series.push({
        day,
        currency,
        count: row?.count ?? 0,
        gross,
        refunded,
        net: gross - refunded,
      });
    }
  }
  return series;
}
