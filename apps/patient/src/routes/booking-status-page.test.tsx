import { apiError, routerProbe, type Handlers } from '@clinicpay/react-test-harness';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recallBooking, rememberBooking } from '../booking-memory.js';
import { bookingStatus, CLINIC, PATIENT, SERVICES } from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { BookingStatusPage } from './booking-status-page.js';

// Stripe's React components stand in for the iframe; the options they are handed are kept.
const providerOptions: unknown[] = [];
vi.mock('@stripe/react-stripe-js', () => ({
  EmbeddedCheckoutProvider: ({ options, children }: { options: unknown; children: ReactNode }) => {
    providerOptions.push(options);
    return <div>{children}</div>;
  },
  EmbeddedCheckout: () => <p>Card number</p>,
}));
// A Stripe.js already on the page, as the emulator's stand-in defines it: loadStripe uses it.
beforeAll(() => {
  window.Stripe = Object.assign(() => ({}), {
    version: 'endive',
  }) as unknown as typeof window.Stripe;
});

const TOKEN = 'tok_'.padEnd(32, 'x');
const request = {
  serviceId: SERVICES[0]!.id,
  doctorId: 'any',
  startsAt: '2030-03-04T15:00:00.000Z',
  patient: PATIENT,
  paymentMethod: 'stripe' as const,
};

function renderPage(path: string, handlers: Handlers) {
  return renderWithApi(
    <BookingStatusPage />,
    { 'catalogue.clinic': () => CLINIC, ...handlers },
    { path, route: '/booking/:reference' },
  );
}

const freeAt = (startsAt: string) => () => ({
  timeZone: CLINIC.timeZone,
  days: [
    {
      date: '2030-03-04',
      slots: [{ startsAt, endsAt: '2030-03-04T15:30:00.000Z', doctorIds: ['d1'] }],
    },
  ],
});

describe('BookingStatusPage', () => {
  it('reads the booking with the return URL’s session id and shows it confirmed, with a calendar file', async () => {
    const { calls } = renderPage('/booking/CP-7K2M9QXD?session_id=cs_test_abc123456', {
      'booking.status': () => bookingStatus(),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your appointment is confirmed' }),
    ).toBeTruthy();
    expect(calls.find((c) => c.path === 'booking.status')?.input).toEqual({
      reference: 'CP-7K2M9QXD',
      sessionId: 'cs_test_abc123456',
    });
    const details = screen.getByText('Reference').closest('dl')!.textContent;
    expect(details).toContain('Monday, March 4, 2030');
    expect(details).toContain('10:00 AM – 10:30 AM Eastern Time');
    expect(details).toContain('$60.00, paid by card');
    const ics = screen.getByRole('link', { name: 'Add to calendar' });
    expect(ics.getAttribute('download')).toBe('appointment-CP-7K2M9QXD.ics');
    expect(ics.getAttribute('href')).toMatch(/^blob:/);
    // Without the token (only the session id) there is no status link to give.
    expect(screen.queryByText(/Keep this link/)).toBeNull();
  });

  it('gives the status link when the token is known', async () => {
    renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
      'booking.status': () =>
        bookingStatus({
          paymentMethod: 'pay_at_clinic',
          payment: { ...bookingStatus().payment!, status: 'due_at_clinic' },
        }),
    });
    expect(await screen.findByText('$60.00, to pay at the clinic')).toBeTruthy();
    expect(
      screen.getByRole('link', {
        name: `${window.location.origin}/booking/CP-7K2M9QXD?token=${TOKEN}`,
      }),
    ).toBeTruthy();
  });

  it('keeps reading while the payment is undecided, then shows the outcome', async () => {
    let reads = 0;
    renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
      'booking.status': () =>
        ++reads < 2
          ? bookingStatus({
              status: 'pending_payment',
              payment: { ...bookingStatus().payment!, status: 'pending' },
            })
          : bookingStatus(),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Waiting for your payment' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel this booking' })).toBeTruthy();
    await waitFor(
      () =>
        expect(
          screen.getByRole('heading', { level: 1, name: 'Your appointment is confirmed' }),
        ).toBeTruthy(),
      { timeout: 4000 },
    );
  });

  it('cancels an unpaid booking', async () => {
    const cancel = vi.fn(() =>
      bookingStatus({
        status: 'cancelled',
        cancelReason: 'cancelled_by_patient',
        payment: { ...bookingStatus().payment!, status: 'expired' },
      }),
    );
    renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
      'booking.status': () =>
        bookingStatus({
          status: 'pending_payment',
          payment: { ...bookingStatus().payment!, status: 'pending' },
        }),
      'booking.cancel': cancel,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel this booking' }));
    expect(
      await screen.findByText('You cancelled this booking. Nothing was charged.'),
    ).toBeTruthy();
    expect(cancel).toHaveBeenCalledWith({ reference: 'CP-7K2M9QXD', token: TOKEN });
  });

  it('after a decline, books the same time again in one click while it is free', async () => {
    rememberBooking('CP-7K2M9QXD', { token: TOKEN, request });
    const declined = bookingStatus({
      status: 'cancelled',
      cancelReason: 'payment_failed',
      payment: {
        ...bookingStatus().payment!,
        status: 'failed',
        failureMessage: 'Your card was declined.',
      },
    });
    const create = vi.fn(() => ({
      reference: 'CP-NEW00001',
      token: TOKEN,
      status: 'confirmed',
      paymentMethod: 'pay_at_clinic',
      startsAt: request.startsAt,
      holdExpiresAt: null,
      checkout: null,
    }));
    renderPage('/booking/CP-7K2M9QXD?session_id=cs_test_abc123456', {
      'booking.status': () => declined,
      'catalogue.availability': freeAt(request.startsAt),
      'booking.create': create,
    });
    expect(
      await screen.findByText(
        'Your payment did not go through. Your card was declined. Nothing was charged, and the time was released.',
      ),
    ).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Book this time again' }));
    await waitFor(() => expect(routerProbe.location).toBe(`/booking/CP-NEW00001?token=${TOKEN}`));
    expect(create).toHaveBeenCalledWith(request);
  });

  it('does not offer the same time once it is taken', async () => {
    rememberBooking('CP-7K2M9QXD', { token: TOKEN, request });
    renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
      'booking.status': () =>
        bookingStatus({
          status: 'cancelled',
          cancelReason: 'checkout_expired',
          payment: { ...bookingStatus().payment!, status: 'expired' },
        }),
      'catalogue.availability': freeAt('2030-03-04T16:00:00.000Z'),
    });
    expect(
      await screen.findByText('This time has been taken since. Please choose another time.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Book this time again' })).toBeNull();
    expect(
      screen.getByText(
        'The time we held for you ran out before the payment was made. Nothing was charged.',
      ),
    ).toBeTruthy();
  });

  it('says the booking cannot be found, without probing hints', async () => {
    renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
      'booking.status': () => {
        throw apiError(
          'booking_not_found',
          'We could not find this booking. Check the link from your booking confirmation.',
        );
      },
    });
    expect(await screen.findByText('We could not find this booking.')).toBeTruthy();
  });

  it('says how long to wait when the API asks to slow down, without asking again by itself', async () => {
    let reads = 0;
    renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
      'booking.status': () => {
        reads++;
        throw apiError(
          'rate_limited',
          'Too many requests for booking details from your network. Please wait 40 seconds and try again.',
        );
      },
    });
    expect(
      await screen.findByText(
        /Please wait 40 seconds and try again\. Your booking is not affected\./,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Check your internet connection/)).toBeNull();
    expect(reads).toBe(1);
  });

  describe('Pay now, from the status link', () => {
    const pending = () =>
      bookingStatus({
        status: 'pending_payment',
        holdExpiresAt: '2030-03-01T19:32:00.000Z',
        payment: { ...bookingStatus().payment!, status: 'pending' },
      });
    const resumed = {
      reference: 'CP-7K2M9QXD',
      holdExpiresAt: '2030-03-01T19:32:00.000Z',
      checkout: { clientSecret: 'cs_test_9_secret_9', publishableKey: 'pk_test_demo' },
      stripeJsUrl: null,
    };

    it('opens the booking’s own card form in the page', async () => {
      providerOptions.length = 0;
      const resume = vi.fn(() => resumed);
      renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
        'booking.status': pending,
        'booking.resumeCheckout': resume,
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Pay now' }));

      const heading = await screen.findByRole('heading', { level: 2, name: 'Pay by card' });
      await waitFor(() => expect(document.activeElement).toBe(heading));
      expect(await screen.findByText('Card number')).toBeTruthy();
      expect(resume).toHaveBeenCalledWith({ reference: 'CP-7K2M9QXD', token: TOKEN });
      const options = providerOptions.at(-1) as { fetchClientSecret: () => Promise<string> };
      await expect(options.fetchClientSecret()).resolves.toBe('cs_test_9_secret_9');
      expect(screen.getByText(/^We hold this time for you until 2:32 PM/)).toBeTruthy();
      // The form's own buttons replace the page's; without this tab's request there is no wizard to go back to.
      expect(screen.getAllByRole('button', { name: 'Cancel this booking' })).toHaveLength(1);
      expect(screen.queryByRole('button', { name: 'Pay now' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Pay another way' })).toBeNull();
      // Stripe's return URL has no token: the return page finds it in this tab.
      expect(recallBooking('CP-7K2M9QXD')).toEqual({ token: TOKEN, request: null });
    });

    it('shows the API’s sentence when the form cannot open, and lets the patient try again', async () => {
      let attempts = 0;
      renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
        'booking.status': pending,
        'booking.resumeCheckout': () => {
          if (++attempts === 1)
            throw apiError(
              'stripe_unreachable',
              'We could not reach the card payment service. Please try again in a moment; your time stays held.',
            );
          return resumed;
        },
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Pay now' }));
      expect((await screen.findByRole('alert')).textContent).toBe(
        'We could not reach the card payment service. Please try again in a moment; your time stays held.',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Pay now' }));
      expect(await screen.findByText('Card number')).toBeTruthy();
    });

    it('reads the booking again when it was paid or released meanwhile', async () => {
      let paid = false;
      renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
        'booking.status': () => (paid ? bookingStatus() : pending()),
        'booking.resumeCheckout': () => {
          paid = true;
          throw apiError(
            'checkout_not_resumable',
            'This booking is already paid and confirmed; there is nothing more to pay.',
          );
        },
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Pay now' }));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Your appointment is confirmed' }),
      ).toBeTruthy();
    });

    it('is not offered without the status link’s token', async () => {
      renderPage('/booking/CP-7K2M9QXD?session_id=cs_test_abc123456', {
        'booking.status': pending,
      });
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Waiting for your payment' }),
      ).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Pay now' })).toBeNull();
    });

    it('in the tab that booked, Pay another way cancels and returns to the wizard’s payment step', async () => {
      rememberBooking('CP-7K2M9QXD', { token: TOKEN, request });
      const cancel = vi.fn(() =>
        bookingStatus({ status: 'cancelled', cancelReason: 'cancelled_by_patient' }),
      );
      renderPage(`/booking/CP-7K2M9QXD?token=${TOKEN}`, {
        'booking.status': pending,
        'booking.resumeCheckout': () => resumed,
        'booking.cancel': cancel,
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Pay now' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Pay another way' }));
      await waitFor(() => expect(routerProbe.location).toBe('/'));
      expect(cancel).toHaveBeenCalledWith({ reference: 'CP-7K2M9QXD', token: TOKEN });
    });
  });

  it('asks for the link when neither token nor session id is there', () => {
    renderPage('/booking/CP-7K2M9QXD', {});
    expect(screen.getByText('This link is missing its secret part.')).toBeTruthy();
  });
});
