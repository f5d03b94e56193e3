import type { ReactNode } from 'react';
import { cx } from './cx.js';

export interface DetailItem {
  label: ReactNode;
  value: ReactNode;
}

/** Label and value pairs as a description list: two columns when there is room, stacked on a phone. */
export function DetailList({ items, className }: { items: DetailItem[]; className?: string }) {
  return (
    <dl className={cx('grid gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]', className)}>
      {items.map((item, index) => (
        <div key={index} className="contents">
          <dt className="font-medium text-slate-600">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
