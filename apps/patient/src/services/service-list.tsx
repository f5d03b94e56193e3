import { EmptyState, ErrorMessage } from '@clinicpay/ui';
import { trpc } from '../trpc.js';
import { ServiceCard } from './service-card.js';
import { ServiceListSkeleton } from './service-list-skeleton.js';

/** The clinic's services, with a state for each way the list can turn out. */
export function ServiceList() {
  const services = trpc.catalogue.services.useQuery();

  // A retry after an error goes back to "pending" (no data yet); keep the error and its pressed
  // button on screen meanwhile, so keyboard focus stays put and the page doesn't flicker.
  const isRetrying = services.isPending && services.errorUpdateCount > 0;

  if (services.isError || isRetrying) {
    return (
      <ErrorMessage
        title="We couldn't load the services."
        onRetry={() => void services.refetch()}
        isRetrying={isRetrying}
      >
        Check your internet connection and try again. If it keeps happening, please call the clinic
        to book.
      </ErrorMessage>
    );
  }

  if (services.isPending) return <ServiceListSkeleton />;

  if (services.data.length === 0) {
    return (
      <EmptyState title="No services are open for online booking right now.">
        Please call the clinic to book an appointment.
      </EmptyState>
    );
  }

  return (
    <section aria-labelledby="services-heading">
      <h2
        id="services-heading"
        className="mb-3 text-sm font-semibold tracking-wide text-slate-600 uppercase"
      >
        Services
      </h2>
      <ul className="grid gap-3">
        {services.data.map((service) => (
          <li key={service.id}>
            <ServiceCard service={service} />
          </li>
        ))}
      </ul>
    </section>
  );
}
