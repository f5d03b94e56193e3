import { Shell, Skeleton } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { trpc } from './trpc.js';

/** The page frame with the clinic's name in the header, shared by every patient page. */
export function ClinicShell({ children }: { children: ReactNode }) {
  const clinic = trpc.catalogue.clinic.useQuery();
  // Without a name (still loading, or failed) the header stays neutral; the page says what is wrong.
  const brand = clinic.data ? (
    clinic.data.name
  ) : clinic.isPending ? (
    <Skeleton className="h-5 w-40" />
  ) : (
    'Online booking'
  );
  return <Shell brand={brand}>{children}</Shell>;
}
