import { useDocumentTitle } from '@clinicpay/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Outlet, useSearchParams } from 'react-router';
import { KeysetPager } from '../components/keyset-pager.js';
import { PageHeader } from '../components/page-header.js';
import { QueryError } from '../components/query-states.js';
import { useClinic } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { useReturnFocus } from '../components/use-return-focus.js';
import { trpc } from '../trpc.js';
import { CsvExportLink } from './csv-export-link.js';
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
import { TransactionsTable } from './transactions-table.js';

export const PAGE_SIZE = 25;

/**
 * Transactions: totals and the daily chart for what the filters match, the filters (kept in the
 * address bar), the table in keyset pages, CSV export of every match; a row's details open in a
 * panel over the list (the child route).
 */
export function TransactionsPage() {
  useDocumentTitle('Transactions · Clinic admin');
  useReturnFocus('/transactions');
  const clinic = useClinic();
  const [params, setParams] = useSearchParams();
  const query = parseTransactionQuery(params);
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  const currency = clinic.data?.currency ?? 'USD';
  const filters = toApiFilters(query, timeZone, currency);
  const order = { sort: query.sort, direction: query.direction };
  const pages = useKeysetPages(JSON.stringify([filters, order]));
  const ready = clinic.isSuccess;

  const list = trpc.admin.transactions.list.useQuery(
    { ...filters, ...order, limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
    { enabled: ready, placeholderData: keepPreviousData },
  );
  const summary = trpc.admin.transactions.summary.useQuery(filters, { enabled: ready });
  const apply = (next: TransactionQuery) => setParams(transactionSearchParams(next));
  const search = params.toString() ? `?${params.toString()}` : '';

  return (
    <>
      <PageHeader
        title="Transactions"
        description="Every payment, card or at the clinic, with refunds and disputes."
        actions={<CsvExportLink input={{ ...filters, ...order }} />}
      />
      <TransactionsSummary summary={summary} />
      <TransactionFilterForm query={query} currency={currency} onApply={apply} />
      <QueryError query={list} title="The transactions could not be loaded." />
      {list.isError ? null : (
        <TransactionsTable
          rows={list.data?.rows}
          sort={query.sort}
          direction={query.direction}
          onSortChange={(sort, direction) => apply({ ...query, sort, direction })}
          timeZone={timeZone}
          search={search}
          hasFilters={activeFilterCount(query) > 0}
          onClearFilters={() =>
            apply({ ...EMPTY_QUERY, sort: query.sort, direction: query.direction })
          }
          isRefreshing={list.isPlaceholderData}
        />
      )}
      <KeysetPager
        noun="transactions"
        pageIndex={pages.pageIndex}
        pageSize={PAGE_SIZE}
        rowsOnPage={list.data?.rows.length ?? 0}
        hasNext={Boolean(list.data?.nextCursor)}
        isFetching={list.isFetching}
        onPrevious={() => pages.previous()}
        onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
      />
      <Outlet />
    </>
  );
}
