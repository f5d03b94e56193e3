import { useEffect, useReducer } from 'react';
import { initialWizardState, reachableStep, wizardReducer, type WizardState } from './wizard-state.js';

const KEY = 'clinicpay.wizard';

// The wizard survives a reload (and the return from another tab) in this tab's sessionStorage:
// never localStorage, so a shared computer does not keep a patient's details for the next person.
function load(initial: WizardState | undefined): WizardState {
  if (initial) return initial;
  try {
    const saved = sessionStorage.getItem(KEY);
    if (!saved) return initialWizardState;
    const state = { ...initialWizardState, ...(JSON.parse(saved) as Partial<WizardState>) };
    return { ...state, step: reachableStep(state) };
  } catch {
    return initialWizardState;
  }
}

export function useWizard(initial?: WizardState) {
  const [state, dispatch] = useReducer(wizardReducer, initial, load);
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // Storage full or disabled: the wizard still works, it just forgets on reload.
    }
  }, [state]);
  return [state, dispatch] as const;
}

export function clearSavedWizard(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing saved, nothing to clear.
  }
}

/** Starts the wizard at the payment step with a booking to pay (the result page's "book again"). */
export function saveWizardForCheckout(state: WizardState): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // The caller passes the state through navigation too.
  }
}
