import type { ReactNode } from 'react';
import { cx } from '@clinicpay/ui';

export interface SortHeaderProps {
  children: ReactNode;
  /** 'asc' | 'desc' when the list is sorted by this column, else false. */
  sorted: 'asc' | 'desc' | false;
  onSort: () => void;
  align?: 'left' | 'right';
}

/**
 * A column header that sorts: a button inside the header cell (the cell carries aria-sort), with an
 * arrow for sighted readers and the next action in words for everyone.
 */
export function SortHeader({ children, sorted, onSort, align = 'left' }: SortHeaderProps) {
  const next = sorted === 'desc' ? 'ascending' : 'descending';
  return (
    <button
      type="button"
      onClick={onSort}
      className={cx(
        'inline-flex min-h-8 items-center gap-1 rounded font-semibold uppercase hover:text-slate-900',
        align === 'right' && 'flex-row-reverse',
      )}
    >
      {children}
      <span aria-hidden="true" className={sorted ? 'text-brand-700' : 'text-slate-400'}>
        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
      </span>
      <span className="sr-only">, sort {next}</span>
    </button>
  );
}

export function ariaSort(sorted: 'asc' | 'desc' | false): 'ascending' | 'descending' | 'none' {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}
