import { apiError } from '@clinicpay/react-test-harness';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BookingStatusPage } from '../routes/booking-status-page.js';
import { bookingStatus, CLINIC } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';

const TOKEN = 'tok_'.padEnd(32, 'x');
const SENTENCE =
  'Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no refund after.';
const actions = (overrides: object = {}) => ({
  policy: {
    sentence: SENTENCE,
    reschedule: 'Move your booking up to 2 times, up to 24 hours before.',
  },
  clinicPhone: '+1 212 555 0100',
  cancel: {
    allowed: true as const,
    refund: { percent: 50, amount: 3000, paid: 6000, currency: 'usd' },
  },
  reschedule: { allowed: true as const, movesLeft: 2 },
  ...overrides,
});

function renderPage(handlers: Parameters<typeof renderWithApi>[1]) {
  return renderWithApi(
    <BookingStatusPage />,
    { 'catalogue.clinic': () => CLINIC, ...handlers },
    { path: `/booking/CP-7K2M9QXD?token=${TOKEN}`, route: '/booking/:reference' },
  );
}

describe('managing a confirmed booking', () => {
  it('says why a button is unavailable, with the clinic’s phone', async () => {
    const reason =
      'Bookings can be moved online until 24 hours before; please call the clinic on +1 212 555 0100.';
    renderPage({
      'booking.status': () =>
        bookingStatus({ actions: actions({ reschedule: { allowed: false, reason } }) }),
    });
    const reschedule = await screen.findByRole('button', { name: 'Reschedule' });
    expect(
      reschedule.hasAttribute('disabled') || reschedule.getAttribute('aria-disabled'),
    ).toBeTruthy();
    expect(reschedule.getAttribute('aria-describedby')).toBe('reschedule-why');
    expect(document.getElementById('reschedule-why')?.textContent).toContain(reason);
    expect(screen.getByTestId('policy-sentence').textContent).toContain(SENTENCE);
  });

  it('states the refund in money before cancelling, and sends the amount it showed', async () => {
    const user = userEvent.setup();
    let cancelled = false;
    const { calls } = renderPage({
      'booking.status': () =>
        cancelled
          ? bookingStatus({
              status: 'cancelled',
              cancelReason: 'cancelled_by_patient',
              actions: null,
            })
          : bookingStatus({ actions: actions() }),
      'booking.cancel': () => {
        cancelled = true;
        return bookingStatus({ status: 'cancelled', actions: null });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel appointment' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByTestId('refund-statement').textContent).toBe(
      'You will be refunded $30.00 of $60.00.',
    );
    expect(dialog.textContent).toContain('even if it has changed since');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel it' }));
    await screen.findByRole('heading', { level: 1, name: 'This booking is cancelled' });
    expect(calls.find((c) => c.path === 'booking.cancel')?.input).toEqual({
      reference: 'CP-7K2M9QXD',
      token: TOKEN,
      expectedRefund: 3000,
    });
  });

  it('shows the new amount when the refund changed since the page was read', async () => {
    const user = userEvent.setup();
    let reads = 0;
    renderPage({
      'booking.status': () => {
        reads++;
        return bookingStatus({
          actions: actions(
            reads > 1
              ? {
                  cancel: {
                    allowed: true,
                    refund: { percent: 0, amount: 0, paid: 6000, currency: 'usd' },
                  },
                }
              : {},
          ),
        });
      },
      'booking.cancel': () => {
        throw apiError(
          'refund_changed',
          'The refund is now $0.00 under the clinic’s policy.',
          null,
          'CONFLICT',
          409,
        );
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel appointment' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel it' }));
    await within(dialog).findByText(/The refund is now/);
    await waitFor(() =>
      expect(within(dialog).getByTestId('refund-statement').textContent).toBe(
        "No refund is due under the clinic's policy (you paid $60.00).",
      ),
    );
  });
});
