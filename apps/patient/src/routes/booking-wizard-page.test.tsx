import { apiError } from '@clinicpay/react-test-harness';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC, SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { BookingWizardPage } from './booking-wizard-page.js';

describe('BookingWizardPage', () => {
  it('offers the wizard while the clinic takes online bookings', async () => {
    renderWithApi(<BookingWizardPage />, {
      'catalogue.clinic': () => CLINIC,
      'catalogue.services': () => SERVICES,
    });
    expect(await screen.findByRole('region', { name: 'Services' })).not.toBeNull();
    expect(screen.queryByText(/not taking online bookings/)).toBeNull();
  });

  it('says in one sentence that a clinic not ready yet takes no online bookings', async () => {
    renderWithApi(<BookingWizardPage />, {
      'catalogue.clinic': () => ({ ...CLINIC, takingBookings: false }),
      'catalogue.services': () => [],
    });
    expect(
      await screen.findByText(
        'Riverside Family Clinic is not taking online bookings yet. Please call +12125550100 to book.',
      ),
    ).not.toBeNull();
    expect(screen.queryByRole('region', { name: 'Services' })).toBeNull();
  });

  it('says the same before any clinic is set up', async () => {
    renderWithApi(<BookingWizardPage />, {
      'catalogue.clinic': () => {
        throw apiError(
          'clinic_not_set_up',
          'This clinic is not taking online bookings yet. Please call the clinic to book.',
          null,
          'NOT_FOUND',
          404,
        );
      },
      'catalogue.services': () => [],
    });
    expect(
      await screen.findByText('This clinic is not taking online bookings yet.'),
    ).not.toBeNull();
  });
});
