import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DOCTORS, SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { BookingWizard } from './booking-wizard.js';

const api = { 'catalogue.services': () => SERVICES, 'catalogue.doctors': () => DOCTORS };

describe('BookingWizard', () => {
  it('shows where the patient is, and moves focus to the new step’s heading', async () => {
    renderWithApi(<BookingWizard />, api);
    const progress = screen.getByRole('navigation', { name: 'Booking progress' });
    expect(progress.querySelector('[aria-current="step"]')?.textContent).toContain('Service');
    expect(document.activeElement).toBe(document.body);

    await userEvent.click(await screen.findByRole('button', { name: /General consultation/ }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Choose a doctor' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(progress.querySelector('[aria-current="step"]')?.textContent).toContain('Doctor');

    // A finished step is a button back to it.
    await userEvent.click(screen.getByRole('button', { name: /Step 1, done: Service/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Choose a service' })).toBeTruthy();
  });

  it('keeps the choices across a reload of the tab', async () => {
    const first = renderWithApi(<BookingWizard />, api);
    await userEvent.click(await screen.findByRole('button', { name: /General consultation/ }));
    await screen.findByRole('heading', { level: 2, name: 'Choose a doctor' });
    first.unmount();
    renderWithApi(<BookingWizard />, api);
    expect(await screen.findByRole('heading', { level: 2, name: 'Choose a doctor' })).toBeTruthy();
  });
});
