import { Suspense, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { ListSkeleton } from '../components/list-skeleton.js';
import { ServiceStep } from '../steps/service-step.js';
import { DetailsStep, DoctorStep, PaymentStep, prefetchSteps, TimeStep } from './lazy-steps.js';
import { StepErrorBoundary } from './step-error-boundary.js';
import { stepInSearch, useStepHistory } from './use-step-history.js';
import { useWizard } from './use-wizard.js';
import { canOpen, type StepId, type WizardState } from './wizard-state.js';
import { WizardProgress } from './wizard-progress.js';

const TITLES: Record<StepId, string> = {
  service: 'Choose a service',
  doctor: 'Choose a doctor',
  time: 'Choose a date and time',
  details: 'Your details',
  payment: 'Payment',
};

/** The booking, one step at a time: each step gets the state and says what was chosen. */
export function BookingWizard({ initial }: { initial?: WizardState | undefined }) {
  const { search } = useLocation();
  const [state, dispatch] = useWizard(initial, stepInSearch(search));
  useStepHistory(state, dispatch, initial !== undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // On the first step, ServiceStep asks for the later steps' code once its list can be used;
  // opened further on (a reload, a rebooking), the wizard asks at once.
  useEffect(() => {
    if (state.step !== 'service') prefetchSteps();
  }, [state.step]);

  // A new step moves focus to its heading, so keyboard and screen-reader users start at its top;
  // not on the first render, where focus belongs to the page.
  const focusKey = `${state.step}:${state.checkout?.reference ?? ''}`;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focusKey]);

  const props = { state, dispatch };
  const title = state.checkout ? 'Pay by card' : TITLES[state.step];
  return (
    <>
      <WizardProgress
        current={state.step}
        canOpen={(step) => canOpen(state, step)}
        onOpen={(step) => dispatch({ type: 'goTo', step })}
      />
      <section aria-labelledby="step-heading">
        <h2
          id="step-heading"
          ref={headingRef}
          tabIndex={-1}
          className="mb-4 text-xl font-semibold text-slate-900 outline-none"
        >
          {title}
        </h2>
        <StepErrorBoundary key={state.step}>
          <Suspense fallback={<ListSkeleton label="Loading…" />}>
            {state.step === 'service' ? <ServiceStep {...props} /> : null}
            {state.step === 'doctor' ? <DoctorStep {...props} /> : null}
            {state.step === 'time' ? <TimeStep {...props} /> : null}
            {state.step === 'details' ? <DetailsStep {...props} /> : null}
            {state.step === 'payment' ? <PaymentStep {...props} /> : null}
          </Suspense>
        </StepErrorBoundary>
      </section>
    </>
  );
}
