import type { HTMLAttributes } from 'react';
import { cx } from './cx.js';

/** A white panel on the page background; the container for lists, tables and forms. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      {...props}
      className={cx('rounded-xl border border-slate-200 bg-white shadow-sm', className)}
    />
  );
}
