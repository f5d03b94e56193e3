import { Button, EmptyState } from '@clinicpay/ui';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ListPage } from '../components/list-page.js';
import { useClinic } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { trpc } from '../trpc.js';
import { useCan } from '../session/use-can.js';
import { CsvExportLink } from '../components/csv-export-link.js';
import { transactionColumns } from './transaction-columns.js';
import { TransactionFilterForm } from './transaction-filter-form.js';
import {
  activeFilterCount,
  EMPTY_QUERY,
  parseTransactionQuery,
  toApiFilters,
  transactionSearchParams,
  type TransactionQuery,
} from './transaction-query.js';
import { TransactionsSummary } from './transactions-summary.js';

const PAGE_SIZE = 25;

/**
 * Transactions: totals and the daily chart for what the filters match, the filters (kept in the
 * address bar), the table in keyset pages, CSV export of every match; a row's details open in a
 * panel over the list (the child route).
 */
export function TransactionsPage() {
  const clinic = useClinic();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const query = parseTransactionQuery(params);
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  const currency = clinic.data?.currency ?? 'USD';
  const filters = toApiFilters(query, timeZone, currency);
  const order = { sort: query.sort, direction: query.direction };
  const pages = useKeysetPages({ ...filters, ...order }, PAGE_SIZE);
  const ready = clinic.isSuccess;

  const list = trpc.admin.transactions.list.useQuery(
    { ...filters, ...order, ...pages.input },
    { enabled: ready, ...pages.queryOptions },
  );
  const summary = trpc.admin.transactions.summary.useQuery(filters, { enabled: ready });
  const apply = (next: TransactionQuery) => setParams(transactionSearchParams(next));
  const clearFilters = () => apply({ ...EMPTY_QUERY, ...order });
  const columns = useMemo(() => transactionColumns(timeZone), [timeZone]);

  return (
    <ListPage
      title="Transactions"
      description="Every payment, card or at the clinic, with refunds and disputes."
      actions={
        can('transactions.export') ? (
          <CsvExportLink route="/exports/transactions.csv" input={{ ...filters, ...order }} />
        ) : null
      }
      path="/transactions"
      filters={<TransactionFilterForm query={query} currency={currency} onApply={apply} />}
      list={list}
      pages={pages}
      errorTitle="The transactions could not be loaded."
      noun="transactions"
      table={{
        columns,
        caption: `Transactions, sorted by ${query.sort === 'amount' ? 'amount' : 'date'}, ${query.direction === 'asc' ? 'ascending' : 'descending'}`,
        loadingLabel: 'Loading transactions…',
        empty:
          activeFilterCount(query) > 0 ? (
            <EmptyState title="No transactions match these filters.">
              <p>Widen the dates or clear a filter to see more.</p>
              <Button variant="secondary" className="mt-3" onPress={clearFilters}>
                Clear all filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState title="No transactions yet.">
              Payments appear here as soon as patients book.
            </EmptyState>
          ),
        sorting: { id: query.sort, direction: query.direction },
        onSortChange: ({ id, direction }) =>
          apply({ ...query, sort: id as TransactionQuery['sort'], direction }),
      }}
    >
      <TransactionsSummary summary={summary} />
    </ListPage>
  );
}
