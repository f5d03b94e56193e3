import type { Outputs } from '../trpc.js';

export type TransactionSummary = Outputs['transactions']['summary'];

export interface CurrencyTotals {
  currency: string;
  /** Money taken: card payments captured and payments made at the clinic (before refunds). */
  received: number;
  refunded: number;
  net: number;
  /** Booked to be paid at the clinic, not paid yet. */
  dueAtClinic: number;
  /** How many payments failed or lapsed unpaid. */
  unsuccessful: number;
  /** How many payments moved money in. */
  paidCount: number;
}

const MONEY_IN = new Set(['completed', 'partially_refunded', 'refunded', 'paid_at_clinic']);

/** The summary's rows (per status and currency) as one set of card figures per currency. */
export function totalsByCurrency(summary: TransactionSummary): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const row of summary.totals) {
    const currency = row.currency.toLowerCase();
    const totals = byCurrency.get(currency) ?? {
      currency,
      received: 0,
      refunded: 0,
      net: 0,
      dueAtClinic: 0,
      unsuccessful: 0,
      paidCount: 0,
    };
    if (MONEY_IN.has(row.status)) {
      totals.received += row.amount;
      totals.refunded += row.refunded;
      totals.paidCount += row.count;
    }
    if (row.status === 'due_at_clinic') totals.dueAtClinic += row.amount;
    if (row.status === 'failed' || row.status === 'expired') totals.unsuccessful += row.count;
    totals.net = totals.received - totals.refunded;
    byCurrency.set(currency, totals);
  }
  return [...byCurrency.values()].sort((a, b) => b.received - a.received);
}
