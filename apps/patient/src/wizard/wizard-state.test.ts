import { describe, expect, it } from 'vitest';
import {
  canOpen,
  CHECKOUT_HELD,
  initialWizardState,
  reachableStep,
  wizardReducer,
  type WizardState,
} from './wizard-state.js';

const slot = { startsAt: '2030-03-04T15:00:00.000Z', endsAt: '2030-03-04T15:30:00.000Z' };
const patient = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 212 555 0100' };

function through(...actions: Parameters<typeof wizardReducer>[1][]): WizardState {
  return actions.reduce(wizardReducer, initialWizardState);
}

describe('wizard state', () => {
  it('moves one step on with each choice', () => {
    const state = through(
      { type: 'chooseService', serviceId: 's1' },
      { type: 'chooseDoctor', doctorId: 'any' },
      { type: 'chooseDate', date: '2030-03-04' },
      { type: 'chooseSlot', slot },
      { type: 'saveDetails', patient },
    );
    expect(state).toMatchObject({
      step: 'payment',
      serviceId: 's1',
      doctorId: 'any',
      date: '2030-03-04',
      slot,
      patient,
    });
  });

  it('forgets the doctor and time when another service is chosen, keeps them for the same one', () => {
    const chosen = through(
      { type: 'chooseService', serviceId: 's1' },
      { type: 'chooseDoctor', doctorId: 'd1' },
      { type: 'chooseSlot', slot },
    );
    expect(wizardReducer(chosen, { type: 'chooseService', serviceId: 's1' })).toMatchObject({
      doctorId: 'd1',
      slot,
    });
    expect(wizardReducer(chosen, { type: 'chooseService', serviceId: 's2' })).toMatchObject({
      doctorId: null,
      slot: null,
      date: null,
    });
  });

  it('goes back to the times with the message when the time was taken', () => {
    const state = wizardReducer(
      through(
        { type: 'chooseService', serviceId: 's1' },
        { type: 'chooseDoctor', doctorId: 'any' },
        { type: 'chooseSlot', slot },
        { type: 'saveDetails', patient },
      ),
      { type: 'slotTaken', message: 'This time was just taken; please pick another.' },
    );
    expect(state).toMatchObject({
      step: 'time',
      slot: null,
      notice: 'This time was just taken; please pick another.',
      patient,
    });
  });

  it('opens no step whose earlier choices are missing', () => {
    const state = through({ type: 'chooseService', serviceId: 's1' });
    expect(canOpen(state, 'doctor')).toBe(true);
    expect(canOpen(state, 'details')).toBe(false);
    expect(wizardReducer(state, { type: 'goTo', step: 'payment' }).step).toBe('doctor');
    expect(reachableStep({ ...state, step: 'payment' })).toBe('doctor');
  });

  it('keeps the patient on the payment step while a card payment is open', () => {
    const paying = wizardReducer(
      through(
        { type: 'chooseService', serviceId: 's1' },
        { type: 'chooseDoctor', doctorId: 'any' },
        { type: 'chooseSlot', slot },
        { type: 'saveDetails', patient },
      ),
      {
        type: 'startCheckout',
        checkout: {
          reference: 'CP-1',
          token: 't'.repeat(32),
          clientSecret: 'cs_1_secret_x',
          publishableKey: 'pk_test_x',
          holdExpiresAt: null,
        },
      },
    );
    expect(wizardReducer(paying, { type: 'goTo', step: 'time' }).step).toBe('payment');
    expect(wizardReducer(paying, { type: 'stayInCheckout' })).toMatchObject({
      step: 'payment',
      checkout: paying.checkout,
      notice: CHECKOUT_HELD,
    });
    expect(wizardReducer(paying, { type: 'leaveCheckout' }).checkout).toBeNull();
    expect(
      wizardReducer(wizardReducer(paying, { type: 'leaveCheckout' }), { type: 'stayInCheckout' })
        .notice,
    ).toBeNull();
  });

  it('shows the API’s field messages on the details step', () => {
    const state = wizardReducer(initialWizardState, {
      type: 'detailsRefused',
      fieldErrors: { 'patient.email': 'Enter an email address like name@example.com.' },
    });
    expect(state).toMatchObject({
      step: 'details',
      fieldErrors: { 'patient.email': 'Enter an email address like name@example.com.' },
    });
  });
});
