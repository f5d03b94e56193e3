import type { ReactNode } from 'react';
import { cx } from './cx.js';

export interface DetailItem {
  label: ReactNode;
  value: ReactNode;
}

/** Label and value pairs as a description list, labels in a narrow first column. */
export function DetailList({ items, className }: { items: DetailItem[]; className?: string }) {
  return (
    <dl
      className={cx(
        'grid grid-cols-[7.5rem_minmax(0,1fr)] gap-x-3 gap-y-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-x-4',
        className,
      )}
    >
      {items.map((item, index) => (
        <div key={index} className="contents">
          <dt className="font-medium text-slate-600">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
