import { cx } from './cx.js';

/**
 * A grey placeholder the size of content that is loading. Hidden from screen readers: the loading
 * region around it announces itself instead (see LoadingRegion).
 */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx('block animate-pulse rounded-md bg-slate-200', className)}
    />
  );
}
