import { cx } from '@clinicpay/ui';
import { STEPS, type StepId } from './wizard-state.js';

export interface WizardProgressProps {
  current: StepId;
  canOpen: (step: StepId) => boolean;
  onOpen: (step: StepId) => void;
}

/**
 * Where the patient is: "Step 3 of 5" and the steps' names, the current one marked for screen
 * readers (aria-current="step"). Earlier steps are buttons, to go back and change a choice.
 */
export function WizardProgress({ current, canOpen, onOpen }: WizardProgressProps) {
  const currentIndex = STEPS.findIndex((s) => s.id === current);
  return (
    <nav aria-label="Booking progress" className="mb-6">
      <p className="mb-2 text-sm font-medium text-slate-700 sm:sr-only">
        Step {currentIndex + 1} of {STEPS.length}: {STEPS[currentIndex]?.label}
      </p>
      <ol className="flex gap-1.5 sm:gap-2">
        {STEPS.map((step, index) => {
          const done = index < currentIndex;
          const isCurrent = index === currentIndex;
          const marker = (
            <>
              <span
                aria-hidden="true"
                className={cx(
                  'block h-1.5 rounded-full',
                  isCurrent ? 'bg-brand-700' : done ? 'bg-brand-600' : 'bg-slate-300',
                )}
              />
              <span
                className={cx(
                  'mt-2 hidden text-sm sm:block',
                  isCurrent ? 'font-semibold text-slate-900' : 'text-slate-600',
                )}
              >
                <span className="sr-only">
                  Step {index + 1}
                  {done ? ', done' : ''}:{' '}
                </span>
                {step.label}
              </span>
              <span className="sr-only sm:hidden">
                Step {index + 1}
                {done ? ', done' : ''}: {step.label}
              </span>
            </>
          );
          return (
            <li
              key={step.id}
              aria-current={isCurrent ? 'step' : undefined}
              className="min-w-0 flex-1"
            >
              {done && canOpen(step.id) ? (
                <button
                  type="button"
                  onClick={() => onOpen(step.id)}
                  className="block w-full rounded-sm text-left hover:underline"
                >
                  {marker}
                </button>
              ) : (
                marker
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
