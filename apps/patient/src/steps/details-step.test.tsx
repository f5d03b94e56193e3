import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PATIENT, SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { harness } from '../test/step-harness.js';
import { initialWizardState, type WizardState } from '../wizard/wizard-state.js';
import { DetailsStep } from './details-step.js';

const base: WizardState = {
  ...initialWizardState,
  step: 'details',
  serviceId: SERVICES[0]!.id,
  doctorId: 'any',
  slot: { startsAt: '2030-03-04T14:00:00.000Z', endsAt: '2030-03-04T14:30:00.000Z' },
};

function renderStep(state: WizardState = base) {
  const { element, actions } = harness(DetailsStep, state);
  renderWithApi(element, {});
  return actions;
}

const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent).join(' | ');
};

describe('DetailsStep', () => {
  it('labels every field and shows every problem on submit, focusing the first', async () => {
    const actions = renderStep();
    await userEvent.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(errorOf('Full name')).toContain('Enter your full name.');
    expect(errorOf('Email')).toContain('Enter an email address like name@example.com.');
    expect(errorOf('Phone')).toContain('Enter a phone number with digits, e.g. +1 212 555 0100.');
    expect(document.activeElement).toBe(screen.getByLabelText('Full name'));
    expect(actions).toEqual([]);
  });

  it('checks a field when it is left, then again as the patient types', async () => {
    renderStep();
    const email = screen.getByLabelText('Email');
    await userEvent.type(email, 'ada@');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    await userEvent.tab();
    await waitFor(() =>
      expect(errorOf('Email')).toContain('Enter an email address like name@example.com.'),
    );
    await userEvent.type(email, 'example.com');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBeNull());
  });

  it('moves on with the trimmed details', async () => {
    const actions = renderStep();
    await userEvent.type(screen.getByLabelText('Full name'), `  ${PATIENT.name} `);
    await userEvent.type(screen.getByLabelText('Email'), PATIENT.email);
    await userEvent.type(screen.getByLabelText('Phone'), PATIENT.phone);
    await userEvent.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(actions).toEqual([{ type: 'saveDetails', patient: PATIENT }]));
  });

  it("keeps what was typed before, and shows the API's own field messages", async () => {
    renderStep({
      ...base,
      patient: PATIENT,
      fieldErrors: { 'patient.phone': 'Enter a phone number with digits, e.g. +1 212 555 0100.' },
    });
    expect(screen.getByLabelText<HTMLInputElement>('Full name').value).toBe(PATIENT.name);
    await waitFor(() => expect(errorOf('Phone')).toContain('Enter a phone number with digits'));
  });
});
