import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC, stripeSettings } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { GatewaysPage } from './gateways-page.js';
import { StripeSettingsPage } from './stripe-settings-page.js';

const REASON = 'Expired API Key provided: sk_test_****6789';

describe('a saved key Stripe has since refused', () => {
  it('is named on the Stripe settings page with Stripe’s reason', async () => {
    renderWithApi(<StripeSettingsPage />, {
      'catalogue.clinic': () => CLINIC,
      'admin.gateways.list': () => [],
      'admin.stripeSettings.get': () =>
        stripeSettings({
          refusals: { test: { reason: REASON, at: '2026-11-20T15:00:00.000Z' }, live: null },
        }),
    });
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(`Stripe gateway is not properly configured: ${REASON}`),
    ).toBeTruthy();
    expect(within(alert).getByText(/Patients are not offered card payment/)).toBeTruthy();
  });

  it('is named on the gateways list', async () => {
    renderWithApi(<GatewaysPage />, {
      'admin.gateways.list': () => [
        {
          gateway: 'stripe',
          label: 'Stripe',
          enabled: true,
          mode: 'test',
          configured: true,
          refusal: REASON,
        },
        {
          gateway: 'pay_at_clinic',
          label: 'Pay at clinic',
          enabled: true,
          mode: null,
          configured: true,
          refusal: null,
        },
      ],
    });
    expect(
      await screen.findByText(`Stripe gateway is not properly configured: ${REASON}`),
    ).toBeTruthy();
  });
});
