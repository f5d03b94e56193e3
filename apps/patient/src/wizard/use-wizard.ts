import { useEffect, useReducer } from 'react';
import {
  initialWizardState,
  reachableStep,
  wizardReducer,
  type StepId,
  type WizardState,
} from './wizard-state.js';

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

/** The saved wizard, opened at the step the URL asks for when that step can be opened. */
function open({
  initial,
  requested,
}: {
  initial: WizardState | undefined;
  requested: StepId | null;
}): WizardState {
  const state = load(initial);
  return requested ? { ...state, step: reachableStep({ ...state, step: requested }) } : state;
}

/** `requested`: the step in the URL when the wizard mounts (a reload, a link, the browser's Back from another page). */
export function useWizard(initial?: WizardState, requested: StepId | null = null) {
  const [state, dispatch] = useReducer(wizardReducer, { initial, requested }, open);
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
