import { useEffect, useRef, type Dispatch } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  reachableStep,
  STEPS,
  type StepId,
  type WizardAction,
  type WizardState,
} from './wizard-state.js';

const PARAM = 'step';

/** The step a URL's query names (`?step=doctor`), or null when it names none it knows. */
export function stepInSearch(search: string): StepId | null {
  const named = new URLSearchParams(search).get(PARAM);
  return STEPS.find((s) => s.id === named)?.id ?? null;
}

const searchFor = (step: StepId) => `?${PARAM}=${step}`;

/**
 * Each step is a browser history entry, so Back and Forward move through the wizard. React Router
 * owns history: a move the patient makes in the page pushes the new step's URL; a move the browser
 * makes (Back, Forward) opens the URL's step when it can still be opened, and otherwise shows the
 * furthest one that can and replaces the URL with it. `handedOver`: the wizard came from
 * navigation state (the result page), which the first URL replace drops so that Back, Forward and
 * reload read this tab's saved wizard from then on, not the stale hand-over.
 */
export function useStepHistory(
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
  handedOver: boolean,
): void {
  const location = useLocation();
  const navigate = useNavigate();
  // What the last run saw: a change of location is the browser's (or our own push); a change of
  // step without one is the patient's move in the page.
  const seen = useRef<{ key: string; step: StepId } | null>(null);

  useEffect(() => {
    const previous = seen.current;
    seen.current = { key: location.key, step: state.step };
    const inUrl = stepInSearch(location.search);
    const replaceWith = (step: StepId) =>
      void navigate({ search: searchFor(step) }, { replace: true });

    if (previous === null) {
      // useWizard already opened the URL's step if it could: the URL now follows the wizard. A bare
      // `/` showing the first step stays as it is.
      if (handedOver || (inUrl ?? 'service') !== state.step) replaceWith(state.step);
      return;
    }
    if (previous.key !== location.key) {
      const wanted = inUrl ?? 'service';
      if (wanted === state.step) return;
      if (state.checkout) {
        // Back while the card form is open stays on it: the booking holds the time and the patient
        // may be mid-payment (a card being authenticated), so leaving must be their explicit choice,
        // "Pay another way" or "Cancel this booking", each of which says what becomes of the held
        // time. Leaving silently would strand a held booking with no way back to its form.
        dispatch({ type: 'stayInCheckout' });
        replaceWith(state.step);
        return;
      }
      const shown = reachableStep({ ...state, step: wanted });
      if (shown === wanted) dispatch({ type: 'goTo', step: wanted });
      else replaceWith(shown); // the next run opens it
      return;
    }
    if (previous.step !== state.step && (inUrl ?? 'service') !== state.step)
      void navigate({ search: searchFor(state.step) });
  }, [location.key, location.search, state, dispatch, navigate, handedOver]);
}
