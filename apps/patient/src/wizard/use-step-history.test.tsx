import { datesBetween, type AvailabilityInput } from '@clinicpay/contracts';
import { routerProbe, type Handlers } from '@clinicpay/react-test-harness';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  BOTH_METHODS,
  bookingStatus,
  cardBookingCreated,
  CLINIC,
  DOCTORS,
  PATIENT,
  SERVICES,
  wizardAt,
} from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { BookingWizardPage } from '../routes/booking-wizard-page.js';
import { BookingWizard } from './booking-wizard.js';
import { CHECKOUT_HELD } from './wizard-state.js';

// Stripe's own libraries stand in for the card form: what matters here is that it is open.
vi.mock('@stripe/react-stripe-js', () => ({
  EmbeddedCheckoutProvider: ({ children }: { children: ReactNode }) => <div>{children}</div>,
  EmbeddedCheckout: () => <p>Card number</p>,
}));
vi.mock('@stripe/stripe-js/pure', () => ({ loadStripe: () => Promise.resolve({}) }));

// 9:00 and 9:30 in New York on March 4th, 10:00 on the 12th.
const FREE: Record<string, string[]> = {
  '2030-03-04': ['2030-03-04T14:00:00.000Z', '2030-03-04T14:30:00.000Z'],
  '2030-03-12': ['2030-03-12T15:00:00.000Z'],
};
const NINE_THIRTY = { startsAt: '2030-03-04T14:30:00.000Z', endsAt: '2030-03-04T15:00:00.000Z' };

const api: Handlers = {
  'catalogue.services': () => SERVICES,
  'catalogue.doctors': () => DOCTORS,
  'catalogue.clinic': () => CLINIC,
  'catalogue.paymentMethods': () => BOTH_METHODS,
  'catalogue.availability': (input) => {
    const { from, to } = input as AvailabilityInput;
    return {
      timeZone: CLINIC.timeZone,
      days: datesBetween(from, to).map((date) => ({
        date,
        slots: (FREE[date] ?? []).map((startsAt) => ({
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
          doctorIds: [DOCTORS[0]!.id],
        })),
      })),
    };
  },
};

const heading = (name: string) => screen.findByRole('heading', { level: 2, name });
const shownStep = () => document.getElementById('step-heading')?.textContent;
/** The browser's Back (-1) and Forward (1) buttons. */
const go = (delta: number) =>
  act(async () => {
    routerProbe.go(delta);
    await Promise.resolve();
  });

async function chooseUpToDetails() {
  await userEvent.click(await screen.findByRole('button', { name: /General consultation/ }));
  await userEvent.click(await screen.findByRole('button', { name: /Dr\. Amara Okafor/ }));
  await userEvent.click(await screen.findByRole('button', { name: '9:30 AM' }));
  await heading('Your details');
}

describe('the browser’s Back and Forward in the booking wizard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-03-01T15:00:00Z'), toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes each move one history entry, and nothing else', async () => {
    renderWithApi(<BookingWizard />, api);
    await chooseUpToDetails();
    // Choosing the day (the calendar opens on the first free one) re-rendered the time step: no entry.
    expect(routerProbe.entries).toEqual(['/', '/?step=doctor', '/?step=time', '/?step=details']);
    expect(routerProbe.index).toBe(3);

    // The page's own ways back are moves too, one entry each.
    await userEvent.click(screen.getByRole('button', { name: 'Back to times' }));
    await heading('Choose a date and time');
    await userEvent.click(screen.getByRole('button', { name: /Step 1, done: Service/ }));
    await heading('Choose a service');
    expect(routerProbe.entries).toEqual([
      '/',
      '/?step=doctor',
      '/?step=time',
      '/?step=details',
      '/?step=time',
      '/?step=service',
    ]);
  });

  it('Back from the details returns to the times with the time kept, and Forward goes on again', async () => {
    renderWithApi(<BookingWizard />, api);
    await chooseUpToDetails();

    await go(-1);
    const times = await heading('Choose a date and time');
    await waitFor(() => expect(document.activeElement).toBe(times));
    expect(
      (await screen.findByRole('button', { name: '9:30 AM' })).getAttribute('aria-current'),
    ).toBe('true');
    expect(routerProbe.location).toBe('/?step=time');

    await go(-1);
    await heading('Choose a doctor');
    await go(-1);
    await heading('Choose a service');
    expect(routerProbe.index).toBe(0);

    await go(1);
    await heading('Choose a doctor');
    await go(2);
    const details = await heading('Your details');
    await waitFor(() => expect(document.activeElement).toBe(details));
    expect(routerProbe.entries).toEqual(['/', '/?step=doctor', '/?step=time', '/?step=details']);
    expect(routerProbe.index).toBe(3);
  });

  it('Forward to a step that can no longer be opened shows the furthest one that can, in place', async () => {
    renderWithApi(<BookingWizard />, api);
    await chooseUpToDetails();
    await go(-1);
    await heading('Choose a date and time');
    // Another day: the time chosen on the 4th no longer holds, so the details cannot open.
    const day12 = [...screen.getByRole('grid').querySelectorAll('[role="button"]')].find(
      (cell) => cell.textContent === '12',
    )!;
    await userEvent.click(day12);
    await screen.findByRole('region', { name: /^Free times on Tuesday, March 12/ });

    await go(1);
    await waitFor(() => expect(routerProbe.location).toBe('/?step=time'));
    expect(shownStep()).toBe('Choose a date and time');
    expect(routerProbe.entries).toEqual(['/', '/?step=doctor', '/?step=time', '/?step=time']);
    expect(routerProbe.index).toBe(3);
  });

  it('a link to a step that cannot be opened shows the first step and corrects the URL in place', async () => {
    renderWithApi(<BookingWizard />, api, { path: '/?step=payment' });
    expect(await heading('Choose a service')).toBeTruthy();
    await waitFor(() => expect(routerProbe.entries).toEqual(['/?step=service']));
  });

  it('a reload keeps the step, and the URL says it', async () => {
    const first = renderWithApi(<BookingWizard />, api);
    await userEvent.click(await screen.findByRole('button', { name: /General consultation/ }));
    await heading('Choose a doctor');
    first.unmount();

    // The same URL: nothing to correct, and the wizard goes on from there.
    renderWithApi(<BookingWizard />, api, { path: '/?step=doctor' });
    expect(await heading('Choose a doctor')).toBeTruthy();
    expect(routerProbe.entries).toEqual(['/?step=doctor']);
    await userEvent.click(await screen.findByRole('button', { name: /Dr\. Amara Okafor/ }));
    await heading('Choose a date and time');
    expect(routerProbe.entries).toEqual(['/?step=doctor', '/?step=time']);
  });

  it('the saved step wins over a bare address, which then names it', async () => {
    const first = renderWithApi(<BookingWizard />, api);
    await userEvent.click(await screen.findByRole('button', { name: /General consultation/ }));
    await heading('Choose a doctor');
    first.unmount();

    renderWithApi(<BookingWizard />, api);
    expect(await heading('Choose a doctor')).toBeTruthy();
    await waitFor(() => expect(routerProbe.entries).toEqual(['/?step=doctor']));
  });

  it('a link to an earlier step than the saved one opens it, choices kept', async () => {
    const chosen = wizardAt('details', {
      date: '2030-03-04',
      slot: NINE_THIRTY,
    });
    sessionStorage.setItem('clinicpay.wizard', JSON.stringify(chosen));
    renderWithApi(<BookingWizard />, api, { path: '/?step=time' });
    expect(await heading('Choose a date and time')).toBeTruthy();
    expect(
      (await screen.findByRole('button', { name: '9:30 AM' })).getAttribute('aria-current'),
    ).toBe('true');
    expect(routerProbe.entries).toEqual(['/?step=time']);
  });

  it('takes a wizard handed over by the result page once, so Back, Forward and reload read the saved one', async () => {
    const handedOver = wizardAt('time');
    renderWithApi(<BookingWizardPage />, api, { state: { wizard: handedOver } });
    expect(await heading('Choose a date and time')).toBeTruthy();
    await waitFor(() => expect(routerProbe.entries).toEqual(['/?step=time']));
    expect(routerProbe.state).toBeNull();

    // The page around the wizard did not remount it for its own moves: focus still follows them.
    await userEvent.click(await screen.findByRole('button', { name: '9:30 AM' }));
    const details = await heading('Your details');
    await waitFor(() => expect(document.activeElement).toBe(details));
    expect(routerProbe.entries).toEqual(['/?step=time', '/?step=details']);
  });

  it('Back while the card form is open keeps it, says how to leave it, and releases nothing', async () => {
    // Stripe.js as already on the page (the script itself cannot load in happy-dom).
    window.Stripe = (() => ({})) as unknown as typeof window.Stripe;
    onTestFinished(() => {
      delete window.Stripe;
    });
    const ready = wizardAt('details', {
      date: '2030-03-04',
      slot: NINE_THIRTY,
      patient: PATIENT,
    });
    const pendingStatus = bookingStatus({
      status: 'pending_payment',
      payment: { ...bookingStatus().payment!, status: 'pending' },
    });
    const { calls } = renderWithApi(
      <BookingWizard initial={ready} />,
      {
        ...api,
        'booking.create': () => cardBookingCreated(NINE_THIRTY.startsAt),
        'booking.status': () => pendingStatus,
        'booking.cancel': () =>
          bookingStatus({ status: 'cancelled', cancelReason: 'cancelled_by_patient' }),
      },
      { path: '/?step=details' },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Continue to payment' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm and pay' }));
    await heading('Pay by card');
    expect(routerProbe.entries).toEqual(['/?step=details', '/?step=payment']);

    await go(-1);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', CHECKOUT_HELD);
    expect(shownStep()).toBe('Pay by card');
    expect(await screen.findByText('Card number')).toBeTruthy();
    await waitFor(() => expect(routerProbe.location).toBe('/?step=payment'));
    expect(routerProbe.entries).toEqual(['/?step=payment', '/?step=payment']);
    expect(calls.some((c) => c.path === 'booking.cancel')).toBe(false);

    // Leaving is the patient's choice, in the page: the booking is cancelled and they choose again.
    await userEvent.click(screen.getByRole('button', { name: 'Pay another way' }));
    expect(await heading('Payment')).toBeTruthy();
    expect(calls.filter((c) => c.path === 'booking.cancel')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Back to your details' }));
    await heading('Your details');
    await go(-1);
    expect(await heading('Payment')).toBeTruthy();
  });
});
