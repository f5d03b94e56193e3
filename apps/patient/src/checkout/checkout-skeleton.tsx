import { LoadingRegion, Skeleton } from '@clinicpay/ui';

/** What stands in for the card form while its code loads (the wizard's payment step, the result page). */
export function CheckoutSkeleton() {
  return (
    <LoadingRegion label="Loading the card form…">
      <Skeleton className="h-[560px] w-full rounded-xl" />
    </LoadingRegion>
  );
}
