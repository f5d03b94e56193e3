import { Card, EmptyState, ErrorMessage, LoadingRegion } from '@clinicpay/ui';
import { trpc } from '../trpc.js';
import { ServiceRows } from './service-rows.js';
import { ServiceSkeletonRows } from './service-skeleton-rows.js';

/** The services overview: one table whose body is the data, a skeleton, or a message. */
export function ServiceTable() {
  const services = trpc.catalogue.services.useQuery();

  // A retry after an error goes back to "pending" (no data yet); keep the error and its pressed
  // button on screen meanwhile, so keyboard focus stays put and the page doesn't flicker.
  const isRetrying = services.isPending && services.errorUpdateCount > 0;

  if (services.isError || isRetrying) {
    return (
      <ErrorMessage
        title="The services could not be loaded."
        onRetry={() => void services.refetch()}
        isRetrying={isRetrying}
      >
        Check your internet connection and try again. If it keeps failing, the booking server may be
        down: ask whoever runs it to check.
      </ErrorMessage>
    );
  }

  if (services.data?.length === 0) {
    return (
      <EmptyState title="No services yet.">
        Patients cannot book online until the clinic has at least one service. Add services, then
        reload this page.
      </EmptyState>
    );
  }

  const table = (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Services, with duration and price</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Service
            </th>
            <th scope="col" className="px-4 py-3">
              Duration
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Price
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {services.data ? <ServiceRows services={services.data} /> : <ServiceSkeletonRows />}
        </tbody>
      </table>
    </Card>
  );
  return services.data ? table : <LoadingRegion label="Loading services…">{table}</LoadingRegion>;
}
