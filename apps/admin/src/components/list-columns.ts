import {
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table';

/** Per-column presentation: alignment, the columns a phone leaves out, the loading placeholder. */
export interface ColumnMeta {
  align?: 'right';
  /** Left out below this width; another cell or the detail panel carries it there. */
  hideBelow?: 'sm' | 'md' | 'lg';
  /** The width of the column's skeleton bar while the first page loads, e.g. 'w-28'. */
  skeleton?: string;
}

export const listFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<ColumnMeta>(),
});

// The cells' value types differ column to column; the table only renders them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ListColumns<Row extends RowData> = Array<ColumnDef<typeof listFeatures, Row, any>>;

/** The column helper of an admin list of `Row`s. */
export function listColumnHelper<Row extends RowData>() {
  return createColumnHelper<typeof listFeatures, Row>();
}
