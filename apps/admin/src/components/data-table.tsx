import { Card, cx, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { listFeatures, type ColumnMeta, type ListColumns } from './list-columns.js';
import { ariaSort, SortHeader } from './sort-header.js';

export interface ListSorting {
  /** A column's id, which is the API's sort name. */
  id: string;
  direction: 'asc' | 'desc';
}

export interface DataTableProps<Row extends { id: string }> {
  /** The page's rows, or undefined while the first page loads. */
  rows: Row[] | undefined;
  columns: ListColumns<Row>;
  /** What the table lists and in which order, for screen readers. */
  caption: string;
  /** Read out while skeleton rows stand in for the first page, e.g. "Loading transactions…". */
  loadingLabel: string;
  /** Shown instead of the table when the page has no rows. */
  empty: ReactNode;
  /** The order the API applied; without `onSortChange` no column sorts. */
  sorting?: ListSorting;
  onSortChange?: (sorting: ListSorting) => void;
  /** True while another page or order loads over the rows shown. */
  isRefreshing: boolean;
}

const NO_ROWS: never[] = [];
const SKELETON_ROWS = [0, 1, 2, 3, 4];
const cell = 'px-3 py-3 align-top first:pl-4 last:pr-4';
const head = 'px-3 py-2 align-middle first:pl-4 last:pr-4';
const HIDDEN_BELOW = {
  sm: 'hidden sm:table-cell',
  md: 'hidden md:table-cell',
  lg: 'hidden lg:table-cell',
} as const;
const placed = (meta: ColumnMeta | undefined) =>
  cx(meta?.align === 'right' && 'text-right', meta?.hideBelow && HIDDEN_BELOW[meta.hideBelow]);

/**
 * A page of an admin list as a table (TanStack Table for the model, our markup for semantics):
 * sortable headers whose order the API applies, skeleton rows while the first page loads, the
 * rows shown dimmed and aria-busy while the next ones load, and the page's empty state.
 */
export function DataTable<Row extends { id: string }>({
  rows,
  columns,
  caption,
  loadingLabel,
  empty,
  sorting,
  onSortChange,
  isRefreshing,
}: DataTableProps<Row>) {
  const sortId = sorting?.id;
  const sortDirection = sorting?.direction;
  const sortingState = useMemo<SortingState>(
    () => (sortId ? [{ id: sortId, desc: sortDirection === 'desc' }] : []),
    [sortId, sortDirection],
  );
  const table = useTable({
    features: listFeatures,
    columns,
    data: rows ?? NO_ROWS,
    getRowId: (row) => row.id,
    state: { sorting: sortingState },
    onSortingChange: (updater) => {
      const first = (typeof updater === 'function' ? updater(sortingState) : updater)[0];
      if (first) onSortChange?.({ id: first.id, direction: first.desc ? 'desc' : 'asc' });
    },
    enableSorting: Boolean(onSortChange),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: true,
  });

  if (rows?.length === 0) return empty;

  const body = (
    <Card
      className={cx('relative overflow-x-auto', isRefreshing && 'opacity-70 transition-opacity')}
      aria-busy={isRefreshing}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sortable = header.column.getCanSort();
                const sorted = sortable ? header.column.getIsSorted() : false;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sortable ? ariaSort(sorted) : undefined}
                    className={cx(head, 'font-semibold', placed(meta))}
                  >
                    {sortable ? (
                      <SortHeader
                        sorted={sorted}
                        onSort={() => header.column.toggleSorting(sorted !== 'desc')}
                        align={meta?.align === 'right' ? 'right' : 'left'}
                      >
                        <table.FlexRender header={header} />
                      </SortHeader>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows
            ? table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getAllCells().map((c) => (
                    <td key={c.id} className={cx(cell, placed(c.column.columnDef.meta))}>
                      <table.FlexRender cell={c} />
                    </td>
                  ))}
                </tr>
              ))
            : SKELETON_ROWS.map((index) => (
                <tr key={index}>
                  {table.getAllLeafColumns().map(({ id, columnDef: { meta } }) => (
                    <td key={id} className={cx(cell, placed(meta))}>
                      <Skeleton
                        className={cx(
                          'h-4',
                          meta?.align === 'right' && 'ml-auto',
                          meta?.skeleton ?? 'w-20',
                        )}
                      />
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
    </Card>
  );
  return rows ? body : <LoadingRegion label={loadingLabel}>{body}</LoadingRegion>;
}
