import { routerProbe, type Handlers } from '@clinicpay/react-test-harness';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { bookingStatus } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { CheckoutStep } from './checkout-step.js';
import { getStripe } from '@clinicpay/ui/load-stripe';

const providerOptions: unknown[] = [];
vi.mock('@stripe/react-stripe-js', () => ({
  EmbeddedCheckoutProvider: ({ options, children }: { options: unknown; children: ReactNode }) => {
    providerOptions.push(options);
    return <div data-testid="provider">{children}</div>;
  },
  EmbeddedCheckout: () => <p>Card number</p>,
}));
vi.mock('@clinicpay/ui/load-stripe', () => ({ getStripe: vi.fn(() => Promise.resolve({})) }));

const TOKEN = 'tok_'.padEnd(32, 'x');
const checkout = {
  reference: 'CP-7K2M9QXD',
  token: TOKEN,
  clientSecret: 'cs_test_1_secret_2',
  publishableKey: 'pk_test_demo',
  holdExpiresAt: '2030-03-01T19:32:00.000Z',
};
const pendingStatus = bookingStatus({
  status: 'pending_payment',
  payment: { ...bookingStatus().payment!, status: 'pending' },
});

function renderStep(handlers: Handlers, onLeave = vi.fn()) {
  const view = renderWithApi(
    <CheckoutStep
      checkout={checkout}
      stripeJsUrl="http://127.0.0.1:12111/v3/stripe.js"
      timeZone="America/New_York"
      onLeave={onLeave}
    />,
    handlers,
  );
  return { ...view, onLeave };
}

describe('CheckoutStep', () => {
  it('shows the hold in the clinic’s time and mounts Embedded Checkout from the configured Stripe.js', async () => {
    providerOptions.length = 0;
    renderStep({ 'booking.status': () => pendingStatus });
    expect(
      screen.getByText(/^We hold this time for you until 2:32 PM( Eastern Time)?\.$/),
    ).toBeTruthy();
    expect(screen.getByText('Card number')).toBeTruthy();
    expect(getStripe).toHaveBeenCalledWith('http://127.0.0.1:12111/v3/stripe.js', 'pk_test_demo');
    await screen.findByRole('button', { name: 'Cancel this booking' });
    // Re-renders (each status poll) hand react-stripe-js the very same options object.
    await waitFor(() => expect(providerOptions.length).toBeGreaterThan(1));
    expect(new Set(providerOptions).size).toBe(1);
    const options = providerOptions[0] as { fetchClientSecret: () => Promise<string> };
    await expect(options.fetchClientSecret()).resolves.toBe('cs_test_1_secret_2');
  });

  it('replaces the form with the result as soon as the server cancels the booking', async () => {
    let reads = 0;
    renderStep({
      'booking.status': () =>
        ++reads < 2
          ? pendingStatus
          : bookingStatus({ status: 'cancelled', cancelReason: 'payment_failed' }),
    });
    await waitFor(() => expect(routerProbe.location).toBe(`/booking/CP-7K2M9QXD?token=${TOKEN}`), {
      timeout: 5000,
    });
  });

  it('asks less often when the API says Stripe is limiting requests', async () => {
    let reads = 0;
    renderStep({
      'booking.status': () => {
        reads++;
        return { ...pendingStatus, pollAfterMs: 15_000 };
      },
    });
    await waitFor(() => expect(reads).toBe(1));
    // The usual pace (every 3 s) would have asked again by now.
    await new Promise((resolve) => setTimeout(resolve, 3_600));
    expect(reads).toBe(1);
  });

  it('cancels the hold before letting the patient pay another way', async () => {
    const cancel = vi.fn(() =>
      bookingStatus({ status: 'cancelled', cancelReason: 'cancelled_by_patient' }),
    );
    const { onLeave } = renderStep({
      'booking.status': () => pendingStatus,
      'booking.cancel': cancel,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Pay another way' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledTimes(1));
    expect(cancel).toHaveBeenCalledWith({ reference: 'CP-7K2M9QXD', token: TOKEN });
  });

  it('on the result page: hands the outcome back instead of navigating, and offers no other way to pay', async () => {
    const onResult = vi.fn();
    const cancel = vi.fn(() =>
      bookingStatus({ status: 'cancelled', cancelReason: 'cancelled_by_patient' }),
    );
    renderWithApi(
      <CheckoutStep
        checkout={checkout}
        stripeJsUrl={null}
        timeZone="America/New_York"
        onResult={onResult}
      />,
      { 'booking.status': () => pendingStatus, 'booking.cancel': cancel },
      { path: '/booking/CP-7K2M9QXD?token=t', route: '/booking/:reference' },
    );
    expect(screen.queryByRole('button', { name: 'Pay another way' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel this booking' }));
    await waitFor(() => expect(onResult).toHaveBeenCalledTimes(1));
    expect(routerProbe.location).toBe('/booking/CP-7K2M9QXD?token=t');
  });

  it('says what to do when Stripe.js cannot load, and tries again', async () => {
    vi.mocked(getStripe).mockImplementationOnce(() => Promise.reject(new Error('blocked')));
    renderStep({ 'booking.status': () => pendingStatus });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The card form could not load.');
    expect(alert.textContent).toContain('your time stays held until 2:32 PM');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Card number')).toBeTruthy();
  });
});
