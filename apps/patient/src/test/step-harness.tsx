import { useCallback, useReducer, type ComponentType } from 'react';
import type { StepProps } from '../wizard/step-props.js';
import { wizardReducer, type WizardAction, type WizardState } from '../wizard/wizard-state.js';

/** A step driven by the real reducer, recording what it dispatches. */
export function harness(Step: ComponentType<StepProps>, initial: WizardState) {
  const actions: WizardAction[] = [];
  function Harness() {
    const [state, dispatch] = useReducer(wizardReducer, initial);
    const record = useCallback((action: WizardAction) => {
      actions.push(action);
      dispatch(action);
    }, []);
    return <Step state={state} dispatch={record} />;
  }
  return { element: <Harness />, actions };
}
