import { EmptyState, formatDuration } from '@clinicpay/ui';
import { useEffect } from 'react';
import { ChoiceList } from '../components/choice-list.js';
import { ListSkeleton } from '../components/list-skeleton.js';
import { LoadError } from '../components/load-error.js';
import { isRetrying } from '../components/use-query-state.js';
import { formatPrice } from '../format-price.js';
import { trpc } from '../trpc.js';
import { prefetchSteps } from '../wizard/lazy-steps.js';
import type { StepProps } from '../wizard/step-props.js';

/** Step 1: what the clinic offers, with duration and price. Part of the first download: keep it light. */
export function ServiceStep({ state, dispatch }: StepProps) {
  const services = trpc.catalogue.services.useQuery();
  // The later steps' code waits until this list can be used: fetched earlier, it competes with
  // the list's own request and the entry script for the patient's bandwidth.
  useEffect(() => {
    if (services.isSuccess) prefetchSteps();
  }, [services.isSuccess]);

  if (services.isError || isRetrying(services)) {
    return (
      <LoadError
        title="We couldn't load the services."
        onRetry={() => void services.refetch()}
        isRetrying={isRetrying(services)}
      >
        Check your internet connection and try again. If it keeps happening, please call the clinic
        to book.
      </LoadError>
    );
  }
  if (services.isPending) return <ListSkeleton label="Loading services…" />;
  if (services.data.length === 0) {
    return (
      <EmptyState title="No services are open for online booking right now.">
        Please call the clinic to book an appointment.
      </EmptyState>
    );
  }
  return (
    <section aria-label="Services">
      <ChoiceList
        label="Services"
        selectedId={state.serviceId}
        onChoose={(serviceId) => dispatch({ type: 'chooseService', serviceId })}
        choices={services.data.map((service) => ({
          id: service.id,
          title: service.name,
          detail: formatDuration(service.durationMinutes),
          aside: formatPrice(service.price),
        }))}
      />
    </section>
  );
}
