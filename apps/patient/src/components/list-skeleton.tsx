import { LoadingRegion, Skeleton } from '@clinicpay/ui';

/** Placeholder rows with a choice list's shape, so the page doesn't jump when data arrives. */
export function ListSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <LoadingRegion label={label}>
      <ul className="grid gap-3">
        {Array.from({ length: rows }, (_, row) => (
          <li
            key={row}
            className="flex items-center justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5"
          >
            <div className="grid gap-2">
              <Skeleton className="h-5 w-40 sm:w-44" />
              <Skeleton className="h-4 w-16" />
            </div>
            <Skeleton className="h-5 w-14" />
          </li>
        ))}
      </ul>
    </LoadingRegion>
  );
}
