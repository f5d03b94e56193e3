import type { Dispatch } from 'react';
import type { WizardAction, WizardState } from './wizard-state.js';

export interface StepProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
}
