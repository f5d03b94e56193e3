import { Button, Card, cx, EmptyState, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { ariaSort, SortHeader } from '../components/sort-header.js';
import {
  transactionColumns,
  transactionFeatures,
  type TransactionRow,
} from './transaction-columns.js';

export interface TransactionsTableProps {
  /** The page's rows, or undefined while the first page loads. */
  rows: TransactionRow[] | undefined;
  sort: 'created_at' | 'amount';
  direction: 'asc' | 'desc';
  onSortChange: (sort: 'created_at' | 'amount', direction: 'asc' | 'desc') => void;
  timeZone: string;
  /** The list's search string, kept on detail links. */
  search: string;
  hasFilters: boolean;
  onClearFilters: () => void;
  /** True while another page or order loads over the rows shown. */
  isRefreshing: boolean;
}

const EMPTY: TransactionRow[] = [];
const cell = 'px-3 py-3 align-top first:pl-4 last:pr-4';
const head = 'px-3 py-2 align-middle first:pl-4 last:pr-4';
const hideClass = (below: 'sm' | 'lg' | undefined) =>
  below === 'sm' ? 'hidden sm:table-cell' : below === 'lg' ? 'hidden lg:table-cell' : null;

/**
 * The transactions as a table (TanStack Table for the model, our markup for semantics): sortable
 * date and amount headers whose order the API applies, skeleton rows while loading, and an empty
 * state that says whether nothing exists yet or only nothing matches.
 */
export function TransactionsTable({
  rows,
  sort,
  direction,
  onSortChange,
  timeZone,
  search,
  hasFilters,
  onClearFilters,
  isRefreshing,
}: TransactionsTableProps) {
  const columns = useMemo(() => transactionColumns({ timeZone, search }), [timeZone, search]);
  const sorting = useMemo<SortingState>(
    () => [{ id: sort, desc: direction === 'desc' }],
    [sort, direction],
  );
  const table = useTable({
    features: transactionFeatures,
    columns,
    data: rows ?? EMPTY,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange(first.id as 'created_at' | 'amount', first.desc ? 'desc' : 'asc');
    },
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: true,
  });

  if (rows && rows.length === 0) {
    return hasFilters ? (
      <EmptyState title="No transactions match these filters.">
        <p>Widen the dates or clear a filter to see more.</p>
        <Button variant="secondary" className="mt-3" onPress={onClearFilters}>
          Clear all filters
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title="No transactions yet.">
        Payments appear here as soon as patients book.
      </EmptyState>
    );
  }

  const body = (
    <Card
      className={cx('relative overflow-x-auto', isRefreshing && 'opacity-70 transition-opacity')}
      aria-busy={isRefreshing}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Transactions, sorted by {sort === 'amount' ? 'amount' : 'date'},{' '}
          {direction === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getCanSort() ? header.column.getIsSorted() : false;
                const sortable = header.column.id === 'created_at' || header.column.id === 'amount';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sortable ? ariaSort(sorted) : undefined}
                    className={cx(
                      head,
                      'font-semibold',
                      meta?.align === 'right' && 'text-right',
                      hideClass(meta?.hideBelow),
                    )}
                  >
                    {sortable ? (
                      <SortHeader
                        sorted={sorted}
                        onSort={() => header.column.toggleSorting(sorted === 'desc' ? false : true)}
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
                  {row.getAllCells().map((c) => {
                    const meta = c.column.columnDef.meta;
                    return (
                      <td
                        key={c.id}
                        className={cx(
                          cell,
                          meta?.align === 'right' && 'text-right',
                          hideClass(meta?.hideBelow),
                        )}
                      >
                        <table.FlexRender cell={c} />
                      </td>
                    );
                  })}
                </tr>
              ))
            : [0, 1, 2, 3, 4].map((index) => <SkeletonRow key={index} />)}
        </tbody>
      </table>
    </Card>
  );
  return rows ? body : <LoadingRegion label="Loading transactions…">{body}</LoadingRegion>;
}

function SkeletonRow() {
  return (
    <tr>
      {['w-28', 'w-36', 'w-24', 'w-24', 'w-20', 'ml-auto w-16'].map((width, index) => (
        <td
          key={index}
          className={cx(
            cell,
            hideClass(index === 0 ? 'sm' : index === 2 || index === 3 ? 'lg' : undefined),
          )}
        >
          <Skeleton className={cx('h-4', width)} />
        </td>
      ))}
    </tr>
  );
}
