import { PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { useLocation } from 'react-router';
import { ClinicShell } from '../clinic-shell.js';
import { trpc } from '../trpc.js';
import { BookingWizard } from '../wizard/booking-wizard.js';
import type { WizardState } from '../wizard/wizard-state.js';

/** The landing page and the booking wizard; the result page can send a wizard state here. */
export function BookingWizardPage() {
  const clinic = trpc.catalogue.clinic.useQuery();
  const location = useLocation();
  const resumed = (location.state as { wizard?: WizardState } | null)?.wizard;
  useDocumentTitle(
    clinic.data ? `Book an appointment · ${clinic.data.name}` : 'Book an appointment',
  );
  return (
    <ClinicShell>
      <PageHeading
        title="Book an appointment"
        description={
          clinic.data
            ? `${clinic.data.name}, ${clinic.data.address}.`
            : 'Choose a service to get started.'
        }
      />
      {/* No key from the location: each step is a navigation of its own and must not remount the wizard. */}
      <BookingWizard initial={resumed} />
    </ClinicShell>
  );
}
