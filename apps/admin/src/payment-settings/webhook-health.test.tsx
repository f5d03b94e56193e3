import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC, stripeSettings } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { WebhookHealth } from './webhook-health.js';

const lastEvent = (apiVersion: string | null) => ({
  test: {
    id: 'evt_1',
    type: 'checkout.session.completed',
    apiVersion,
    receivedAt: '2026-11-20T15:00:00.000Z',
    processedAt: '2026-11-20T15:00:01.000Z',
    outcome: 'applied',
    error: null,
  },
  live: null,
});

function renderHealth(apiVersion: string | null) {
  renderWithApi(<WebhookHealth settings={stripeSettings({ lastEvent: lastEvent(apiVersion) })} />, {
    'catalogue.clinic': () => CLINIC,
  });
}

describe('Webhook health', () => {
  it('says what to change when Stripe sends events at another API version', async () => {
    renderHealth('2025-03-31.basil');
    expect(
      (await screen.findByText(/Stripe sends this endpoint's events at API version/)).textContent,
    ).toContain(
      "Stripe sends this endpoint's events at API version 2025-03-31.basil, but Clinicpay reads version 2026-10-28.endive",
    );
  });

  it('says nothing of versions when they agree', async () => {
    renderHealth('2026-10-28.endive');
    await screen.findByText(/checkout.session.completed/);
    expect(screen.queryByText(/Stripe sends this endpoint's events at API version/)).toBeNull();
  });
});
