import { PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { useLocation } from 'react-router';
import { appCodeOf } from '../api-errors.js';
import { ClinicShell } from '../clinic-shell.js';
import { trpc } from '../trpc.js';
import { BookingWizard } from '../wizard/booking-wizard.js';
import { NotTakingBookings } from './not-taking-bookings.js';
import type { WizardState } from '../wizard/wizard-state.js';

/** The landing page and the booking wizard; the result page can send a wizard state here. */
export function BookingWizardPage() {
  const clinic = trpc.catalogue.clinic.useQuery();
  const location = useLocation();
  const resumed = (location.state as { wizard?: WizardState } | null)?.wizard;
  // No clinic yet, or nothing to book or no way to pay: one sentence, not a wizard that fails.
  const notTaking =
    clinic.data?.takingBookings === false || appCodeOf(clinic.error) === 'clinic_not_set_up';
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
            : notTaking
              ? undefined
              : 'Choose a service to get started.'
        }
      />
      {notTaking ? (
        <NotTakingBookings clinic={clinic.data} />
      ) : (
        // No key from the location: each step is a navigation of its own and must not remount it.
        <BookingWizard initial={resumed} />
      )}
    </ClinicShell>
  );
}
