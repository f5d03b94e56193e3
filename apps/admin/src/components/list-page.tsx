import { useDocumentTitle } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { DataTable, type DataTableProps } from './data-table.js';
import { KeysetPager } from './keyset-pager.js';
import { PageHeader } from './page-header.js';
import { QueryError, type QueryLike } from './query-states.js';
import type { KeysetPages } from './use-keyset-pages.js';
import { useReturnFocus } from './use-return-focus.js';

/** What the page needs of its list query (a tRPC `list` with `useKeysetPages`). */
export interface ListQuery<Row> extends QueryLike {
  data: { rows: Row[]; nextCursor: string | null } | undefined;
  isFetching: boolean;
  isPlaceholderData: boolean;
}

export interface ListPageProps<Row extends { id: string }> {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  /** The list's route, e.g. '/transactions': a closed panel hands focus back to its row's link. */
  path: string;
  /** Shown between the heading and the filters, e.g. the totals of what the filters match. */
  children?: ReactNode;
  /** The filters bar; the page keeps what it applies in the address bar. */
  filters: ReactNode;
  list: ListQuery<Row>;
  pages: KeysetPages;
  /** The error's title, e.g. "The transactions could not be loaded." */
  errorTitle: string;
  /** What the pager counts, e.g. "transactions" for "Transactions 26–50". */
  noun: string;
  table: Omit<DataTableProps<Row>, 'rows' | 'isRefreshing'>;
}

/**
 * An admin list page: heading, filters, one keyset page of rows as a table, Previous / Next, and a
 * row's detail panel (the child route) over it. While another page or question loads, the rows
 * shown stay, dimmed and aria-busy, until the new ones arrive.
 */
export function ListPage<Row extends { id: string }>({
  title,
  description,
  actions,
  path,
  children,
  filters,
  list,
  pages,
  errorTitle,
  noun,
  table,
}: ListPageProps<Row>) {
  useDocumentTitle(`${title} · Clinic admin`);
  useReturnFocus(path);
  const rows = list.data?.rows;
  const nextCursor = list.data?.nextCursor;
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {children}
      {filters}
      <QueryError query={list} title={errorTitle} />
      {list.isError ? null : (
        <DataTable {...table} rows={rows} isRefreshing={list.isPlaceholderData} />
      )}
      <KeysetPager
        noun={noun}
        pageIndex={pages.pageIndex}
        pageSize={pages.pageSize}
        rowsOnPage={rows?.length ?? 0}
        hasNext={Boolean(nextCursor)}
        isFetching={list.isFetching}
        onPrevious={() => pages.previous()}
        onNext={() => nextCursor && pages.next(nextCursor)}
      />
      <Outlet />
    </>
  );
}
