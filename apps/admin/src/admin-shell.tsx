import { Shell, Skeleton } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { trpc } from './trpc.js';

/** The page frame with the clinic's name and an "Admin" label, shared by every admin page. */
export function AdminShell({ children }: { children: ReactNode }) {
  const clinic = trpc.catalogue.clinic.useQuery();
  // Without a name (still loading, or failed) the header stays neutral; the page says what is wrong.
  const brand = clinic.data ? (
    clinic.data.name
  ) : clinic.isPending ? (
    <Skeleton className="h-5 w-40" />
  ) : (
    'Clinicpay'
  );
  return (
    <Shell brand={brand} tagline="Admin">
      {children}
    </Shell>
  );
}
