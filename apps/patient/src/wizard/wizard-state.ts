import type { LocalDate, PatientDetailsInput, PaymentMethodChoice } from '@clinicpay/contracts';

export const STEPS = [
  { id: 'service', label: 'Service' },
  { id: 'doctor', label: 'Doctor' },
  { id: 'time', label: 'Date and time' },
  { id: 'details', label: 'Your details' },
  { id: 'payment', label: 'Payment' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

export interface ChosenSlot {
  startsAt: string;
  endsAt: string;
}

/** A booking holding its time while the patient pays by card in the page. */
export interface PendingCheckout {
  reference: string;
  token: string;
  clientSecret: string;
  publishableKey: string;
  holdExpiresAt: string | null;
}

export interface WizardState {
  step: StepId;
  serviceId: string | null;
  doctorId: string | null;
  date: LocalDate | null;
  slot: ChosenSlot | null;
  patient: PatientDetailsInput | null;
  paymentMethod: PaymentMethodChoice | null;
  /** A message the current step opens with, e.g. "This time was just taken". */
  notice: string | null;
  /** Messages the API gave for the patient's fields, shown on them when the details step opens. */
  fieldErrors: Record<string, string> | null;
  checkout: PendingCheckout | null;
}

export type WizardAction =
  | { type: 'chooseService'; serviceId: string }
  | { type: 'chooseDoctor'; doctorId: string }
  | { type: 'chooseDate'; date: LocalDate }
  | { type: 'chooseSlot'; slot: ChosenSlot }
  | { type: 'saveDetails'; patient: PatientDetailsInput }
  | { type: 'choosePayment'; method: PaymentMethodChoice }
  | { type: 'goTo'; step: StepId }
  | { type: 'slotTaken'; message: string }
  | { type: 'detailsRefused'; fieldErrors: Record<string, string> }
  | { type: 'startCheckout'; checkout: PendingCheckout }
  | { type: 'leaveCheckout'; notice?: string }
  | { type: 'stayInCheckout' }
  | { type: 'restart' };

export const initialWizardState: WizardState = {
  step: 'service',
  serviceId: null,
  doctorId: null,
  date: null,
  slot: null,
  patient: null,
  paymentMethod: null,
  notice: null,
  fieldErrors: null,
  checkout: null,
};

/** Why the card form is still there after the browser's Back, and the two ways out of it. */
export const CHECKOUT_HELD =
  'Your time is held while you pay. To change your booking, choose Pay another way; to stop, choose Cancel this booking.';

/** Each choice moves one step on and forgets the choices that depended on the old one. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'chooseService':
      return state.serviceId === action.serviceId
        ? { ...state, step: 'doctor', notice: null }
        : {
            ...state,
            step: 'doctor',
            serviceId: action.serviceId,
            doctorId: null,
            date: null,
            slot: null,
            notice: null,
          };
    case 'chooseDoctor':
      return state.doctorId === action.doctorId
        ? { ...state, step: 'time', notice: null }
        : { ...state, step: 'time', doctorId: action.doctorId, slot: null, notice: null };
    case 'chooseDate':
      return { ...state, date: action.date, slot: state.date === action.date ? state.slot : null };
    case 'chooseSlot':
      return { ...state, step: 'details', slot: action.slot, notice: null };
    case 'saveDetails':
      return {
        ...state,
        step: 'payment',
        patient: action.patient,
        notice: null,
        fieldErrors: null,
      };
    case 'choosePayment':
      return { ...state, paymentMethod: action.method };
    case 'goTo':
      return canOpen(state, action.step) ? { ...state, step: action.step, notice: null } : state;
    case 'slotTaken':
      return { ...state, step: 'time', slot: null, notice: action.message, checkout: null };
    case 'detailsRefused':
      return { ...state, step: 'details', fieldErrors: action.fieldErrors, notice: null };
    case 'startCheckout':
      return { ...state, step: 'payment', checkout: action.checkout, notice: null };
    case 'leaveCheckout':
      return { ...state, checkout: null, notice: action.notice ?? null };
    case 'stayInCheckout':
      return state.checkout ? { ...state, notice: CHECKOUT_HELD } : state;
    case 'restart':
      return initialWizardState;
  }
}

/** A step can be opened once everything before it has been chosen. */
export function canOpen(state: WizardState, step: StepId): boolean {
  if (state.checkout) return step === 'payment';
  switch (step) {
    case 'service':
      return true;
    case 'doctor':
      return state.serviceId !== null;
    case 'time':
      return state.serviceId !== null && state.doctorId !== null;
    case 'details':
      return canOpen(state, 'time') && state.slot !== null;
    case 'payment':
      return canOpen(state, 'details') && state.patient !== null;
  }
}

/** The first step that cannot be shown yet is never shown: a stale saved state falls back. */
export function reachableStep(state: WizardState): StepId {
  if (canOpen(state, state.step)) return state.step;
  return [...STEPS].reverse().find((s) => canOpen(state, s.id))?.id ?? 'service';
}
