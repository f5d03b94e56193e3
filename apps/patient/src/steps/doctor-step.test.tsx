import { pending } from '@clinicpay/react-test-harness';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DOCTORS, SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { initialWizardState } from '../wizard/wizard-state.js';
import { DoctorStep } from './doctor-step.js';

const state = { ...initialWizardState, step: 'doctor' as const, serviceId: SERVICES[0]!.id };

describe('DoctorStep', () => {
  it('asks for the doctors of the chosen service, loading meanwhile', () => {
    const { calls } = renderWithApi(<DoctorStep state={state} dispatch={vi.fn()} />, {
      'catalogue.doctors': pending,
    });
    expect(screen.getByRole('status').textContent).toBe('Loading doctors…');
    expect(calls[0]).toEqual({ path: 'catalogue.doctors', input: { serviceId: SERVICES[0]!.id } });
  });

  it('offers "Any available" first, then each doctor with their specialty', async () => {
    const dispatch = vi.fn();
    renderWithApi(<DoctorStep state={state} dispatch={dispatch} />, {
      'catalogue.doctors': () => DOCTORS,
    });
    const buttons = await screen.findAllByRole('button', { name: /Dr\.|Any available/ });
    expect(buttons.map((b) => b.textContent)).toEqual([
      expect.stringContaining('Any available doctor'),
      expect.stringContaining('Dr. Amara OkaforGeneral practice'),
      expect.stringContaining('Dr. Lucas MeyerDermatology'),
    ]);
    await userEvent.click(buttons[0]!);
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'chooseDoctor', doctorId: 'any' });
    await userEvent.click(buttons[2]!);
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'chooseDoctor', doctorId: DOCTORS[1]!.id });
  });

  it('says so when no doctor offers the service, with a way back', async () => {
    const dispatch = vi.fn();
    renderWithApi(<DoctorStep state={state} dispatch={dispatch} />, {
      'catalogue.doctors': () => [],
    });
    expect(await screen.findByText('No doctor offers this service online right now.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Back to services/ }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'goTo', step: 'service' });
  });
});
