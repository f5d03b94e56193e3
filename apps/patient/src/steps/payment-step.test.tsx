import { apiError, routerProbe, type Handlers } from '@clinicpay/react-test-harness';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { recallBooking } from '../booking-memory.js';
import {
  bookingCreated,
  BOTH_METHODS,
  cardBookingCreated,
  CLINIC,
  DOCTORS,
  PATIENT,
  SERVICES,
  wizardAt,
} from '../test/fixtures.js';
import { renderWithApi } from '../test/render-with-api.js';
import { harness } from '../test/step-harness.js';
import type { WizardState } from '../wizard/wizard-state.js';
import { PaymentStep } from './payment-step.js';

// The checkout's chunk (Stripe.js, react-stripe-js) is not what these tests are about.
vi.mock('../checkout/preload-checkout.js', () => ({
  preloadCheckout: vi.fn(),
  CheckoutStep: ({ checkout }: { checkout: { reference: string } }) => (
    <p>Card form for {checkout.reference}</p>
  ),
}));

const base = wizardAt('payment', {
  date: '2030-03-04',
  slot: { startsAt: '2030-03-04T14:00:00.000Z', endsAt: '2030-03-04T14:30:00.000Z' },
  patient: PATIENT,
});

const created = bookingCreated(base.slot!.startsAt);

function renderStep(handlers: Handlers, state: WizardState = base) {
  const { element, actions } = harness(PaymentStep, state);
  const view = renderWithApi(element, {
    'catalogue.services': () => SERVICES,
    'catalogue.doctors': () => DOCTORS,
    'catalogue.clinic': () => CLINIC,
    'catalogue.paymentMethods': () => BOTH_METHODS,
    ...handlers,
  });
  return { ...view, actions };
}

describe('PaymentStep', () => {
  it('offers only the methods the clinic has on, with a summary and the formatted price', async () => {
    renderStep({ 'catalogue.paymentMethods': () => ({ ...BOTH_METHODS, payAtClinic: false }) });
    const group = await screen.findByRole('radiogroup', { name: 'How would you like to pay?' });
    expect(
      [...group.querySelectorAll('input[type="radio"]')].map(
        (r) => r.closest('label')?.textContent,
      ),
    ).toEqual(['StripePay by card now, securely on this page.']);
    const summary = screen.getByRole('heading', { name: 'Your appointment' }).parentElement!
      .textContent;
    expect(summary).toContain('General consultation (30 min)');
    expect(summary).toContain('Dr. Amara Okafor');
    expect(summary).toContain('Monday, March 4, 2030');
    expect(summary).toContain('9:00 AM Eastern Time');
    expect(summary).toContain('$60.00');
  });

  it('books pay at clinic once, however often Confirm is pressed, and shows the confirmation', async () => {
    let resolve!: (value: unknown) => void;
    const create = vi.fn(() => new Promise((r) => (resolve = r)));
    const { calls } = renderStep({ 'booking.create': create });
    await userEvent.click(await screen.findByRole('radio', { name: /Pay at clinic/ }));
    const confirm = screen.getByRole('button', { name: 'Confirm booking' });
    await userEvent.click(confirm);
    await userEvent.click(confirm);
    await userEvent.click(screen.getAllByRole('button').find((b) => b.textContent === 'Booking…')!);
    resolve({
      ...created,
      status: 'confirmed',
      paymentMethod: 'pay_at_clinic',
      holdExpiresAt: null,
      checkout: null,
    });
    await waitFor(() =>
      expect(routerProbe.location).toBe(`/booking/CP-7K2M9QXD?token=${created.token}`),
    );
    expect(create).toHaveBeenCalledTimes(1);
    expect(calls.find((c) => c.path === 'booking.create')?.input).toEqual({
      serviceId: SERVICES[0]!.id,
      doctorId: DOCTORS[0]!.id,
      startsAt: base.slot!.startsAt,
      patient: PATIENT,
      paymentMethod: 'pay_at_clinic',
    });
    expect(recallBooking('CP-7K2M9QXD')?.token).toBe(created.token);
  });

  it('opens the card form in the page after Confirm with Stripe', async () => {
    renderStep({
      'booking.create': () => cardBookingCreated(base.slot!.startsAt),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm and pay' }));
    expect(await screen.findByText('Card form for CP-7K2M9QXD')).toBeTruthy();
  });

  it('goes back to the times with the message when the time was just taken', async () => {
    const { actions } = renderStep({
      'booking.create': () => {
        throw apiError('slot_taken', 'This time was just taken; please pick another.');
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm and pay' }));
    await waitFor(() =>
      expect(actions.at(-1)).toEqual({
        type: 'slotTaken',
        message: 'This time was just taken; please pick another.',
      }),
    );
  });

  it('offers Pay at clinic when card payment is unavailable', async () => {
    renderStep({
      'booking.create': () => {
        throw apiError(
          'card_payment_unavailable',
          'Card payment is not available right now. Please choose Pay at clinic.',
        );
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm and pay' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Card payment is not available right now.');
    expect(alert.textContent).toContain('We have selected Pay at clinic for you');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Pay at clinic/ }).checked).toBe(
      true,
    );
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeTruthy();
  });

  it('sends a refused field back to the details step', async () => {
    const { actions } = renderStep({
      'booking.create': () => {
        throw apiError(null, 'Enter your full name.', [
          { path: 'patient.name', message: 'Enter your full name.' },
        ]);
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm and pay' }));
    await waitFor(() =>
      expect(actions.at(-1)).toEqual({
        type: 'detailsRefused',
        fieldErrors: { 'patient.name': 'Enter your full name.' },
      }),
    );
  });

  it('says nothing is to pay for a free service', async () => {
    renderStep({}, { ...base, serviceId: SERVICES[1]!.id });
    expect(await screen.findByText('This service is free: there is nothing to pay.')).toBeTruthy();
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('says to call the clinic when no payment method is on', async () => {
    renderStep({ 'catalogue.paymentMethods': () => ({ stripe: null, payAtClinic: false }) });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Online payment is not available right now.',
    );
    expect(screen.queryByRole('button', { name: /Confirm/ })).toBeNull();
  });

  it('while Stripe refuses the clinic’s key, says card payment is unavailable and offers Pay at clinic', async () => {
    renderStep({
      'catalogue.paymentMethods': () => ({
        stripe: null,
        payAtClinic: true,
        cardUnavailable: true,
      }),
    });
    expect(
      await screen.findByText(
        'Card payment is unavailable right now; you can book and pay at the clinic.',
      ),
    ).toBeTruthy();
    const group = screen.getByRole('radiogroup', { name: 'How would you like to pay?' });
    expect(group.querySelectorAll('input[type="radio"]')).toHaveLength(1);
    expect(screen.getByRole('radio', { name: /Pay at clinic/ })).toBeTruthy();
  });

  it('while Stripe refuses the key and Pay at clinic is off, says card payment is unavailable', async () => {
    renderStep({
      'catalogue.paymentMethods': () => ({
        stripe: null,
        payAtClinic: false,
        cardUnavailable: true,
      }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Card payment is unavailable right now.',
    );
    expect(screen.queryByRole('button', { name: /Confirm/ })).toBeNull();
  });
});
