import { LoadingRegion, PageHeading, Skeleton, useDocumentTitle } from '@clinicpay/ui';
import { Navigate } from 'react-router';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { SetupChecklist } from './setup-checklist.js';

/** The admin's home: the set-up checklist until it is done, then the transactions. */
export function HomePage() {
  return <GettingStartedPage leaveWhenDone />;
}

/** The set-up checklist, each item ticked from what is stored; also at /getting-started. */
export function GettingStartedPage({ leaveWhenDone = false }: { leaveWhenDone?: boolean }) {
  useDocumentTitle('Getting started · Clinic admin');
  const checklist = trpc.admin.clinic.checklist.useQuery();
  if (leaveWhenDone && checklist.data?.done) return <Navigate to="/transactions" replace />;
  return (
    <div className="grid max-w-2xl gap-6">
      <PageHeading
        title="Getting started"
        description="A few steps before patients can book online and pay."
      />
      <QueryError query={checklist} title="The checklist could not be loaded." />
      {checklist.data ? (
        <SetupChecklist checklist={checklist.data} />
      ) : checklist.isPending ? (
        <LoadingRegion label="Loading the checklist…">
          <Skeleton className="h-56 w-full" />
        </LoadingRegion>
      ) : null}
    </div>
  );
}
