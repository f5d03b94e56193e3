import { EmptyState } from '@clinicpay/ui';
import { ChoiceList } from '../components/choice-list.js';
import { ListSkeleton } from '../components/list-skeleton.js';
import { LoadError } from '../components/load-error.js';
import { isRetrying } from '../components/use-query-state.js';
import { trpc } from '../trpc.js';
import type { StepProps } from '../wizard/step-props.js';
import { BackButton } from './back-button.js';

export const ANY_DOCTOR = 'any';

/** Step 2: a doctor who offers the service, or "Any available" (the API picks one when booking). */
export function DoctorStep({ state, dispatch }: StepProps) {
  const serviceId = state.serviceId ?? '';
  const doctors = trpc.catalogue.doctors.useQuery({ serviceId }, { enabled: serviceId !== '' });
  const back = (
    <BackButton onPress={() => dispatch({ type: 'goTo', step: 'service' })}>
      Back to services
    </BackButton>
  );

  if (doctors.isError || isRetrying(doctors)) {
    return (
      <LoadError
        title="We couldn't load the doctors."
        onRetry={() => void doctors.refetch()}
        isRetrying={isRetrying(doctors)}
      >
        Check your internet connection and try again.
      </LoadError>
    );
  }
  if (doctors.isPending) return <ListSkeleton label="Loading doctors…" rows={3} />;
  if (doctors.data.length === 0) {
    return (
      <div className="grid gap-4">
        <EmptyState title="No doctor offers this service online right now.">
          Please choose another service, or call the clinic to book.
        </EmptyState>
        <div>{back}</div>
      </div>
    );
  }
  return (
    <div className="grid gap-6">
      <ChoiceList
        label="Doctors"
        selectedId={state.doctorId}
        onChoose={(doctorId) => dispatch({ type: 'chooseDoctor', doctorId })}
        choices={[
          {
            id: ANY_DOCTOR,
            title: 'Any available doctor',
            detail: 'See every free time; we book you with a doctor who offers this service.',
          },
          ...doctors.data.map((doctor) => ({
            id: doctor.id,
            title: doctor.name,
            detail: doctor.specialty,
          })),
        ]}
      />
      <div>{back}</div>
    </div>
  );
}
