import { LoadingRegion, Skeleton } from '@clinicpay/ui';

/** The shape of a page while its code or its first data loads. */
export function PageLoading() {
  return (
    <LoadingRegion label="Loading…">
      <div className="mx-auto grid max-w-7xl gap-4 p-6">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-64 w-full" />
      </div>
    </LoadingRegion>
  );
}
