import { PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { ClinicShell } from '../clinic-shell.js';
import { ServiceList } from '../services/service-list.js';
import { trpc } from '../trpc.js';

/** The landing page: what the clinic offers, with duration and price, before any choice is made. */
export function BookPage() {
  const clinic = trpc.catalogue.clinic.useQuery();
  useDocumentTitle(
    clinic.data ? `Book an appointment · ${clinic.data.name}` : 'Book an appointment',
  );
  return (
    <ClinicShell>
      <PageHeading
        title="Book an appointment"
        description={
          clinic.data
            ? `Choose a service at ${clinic.data.name}, ${clinic.data.address}.`
            : 'Choose a service to get started.'
        }
      />
      <ServiceList />
    </ClinicShell>
  );
}
