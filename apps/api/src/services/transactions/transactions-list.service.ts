import type { ListTransactionsInput } from '@clinicpay/contracts';
import { listTransactionsPage } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { openCursor, queryKey, sealCursor } from '../paging/paging-cursor.js';
import { toTransactionFilter } from './transaction-filters.js';
import { transactionRowView } from './transaction-view.js';

/**
 * A page of transactions in keyset order: the next page starts after the last row shown, so pages
 * stay fast and stable however deep, and rows arriving meanwhile never shift them.
 */
export async function listTransactions(ctx: AppDeps, input: ListTransactionsInput) {
  const { cursor, limit, ...question } = input;
  const key = queryKey('transactions', question);
  const after = cursor ? openCursor(ctx.secretBox, key, cursor) : undefined;
  const rows = await listTransactionsPage(ctx.db, {
    filter: toTransactionFilter(question),
    sort: input.sort,
    direction: input.direction,
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? sealCursor(ctx.secretBox, key, {
          value: input.sort === 'amount' ? last.amount : last.created_at_key,
          id: last.id,
        })
      : null;
  return { rows: page.map(transactionRowView), nextCursor };
}
