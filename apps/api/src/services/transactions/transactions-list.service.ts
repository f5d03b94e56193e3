import type { ListTransactionsInput } from '@clinicpay/contracts';
import { listTransactionsPage } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { readKeysetPage } from '../paging/keyset-page.js';
import { toTransactionFilter } from './transaction-filters.js';
import { transactionRowView } from './transaction-view.js';

/**
 * A page of transactions in keyset order: the next page starts after the last row shown, so pages
 * stay fast and stable however deep, and rows arriving meanwhile never shift them.
 */
export async function listTransactions(ctx: AppDeps, input: ListTransactionsInput) {
  const { cursor, limit, ...question } = input;
  return readKeysetPage(
    ctx.secretBox,
    { scope: 'transactions', cursor, limit, question },
    (after, limit) =>
      listTransactionsPage(ctx.db, {
        filter: toTransactionFilter(question),
        sort: input.sort,
        direction: input.direction,
        after,
        limit,
      }),
    (last) => (input.sort === 'amount' ? last.amount : last.created_at_key),
    transactionRowView,
  );
}
