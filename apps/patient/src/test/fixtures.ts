import { DEMO_CLINIC } from '@clinicpay/react-test-harness';
import type { BookingStatus, Doctor, PaymentMethods, Service } from '../trpc.js';
import { initialWizardState, type StepId, type WizardState } from '../wizard/wizard-state.js';

export const CLINIC = DEMO_CLINIC;

export const SERVICES: Service[] = [
  {
    id: '7c1d0000-0000-4000-8000-0000000000a1',
    name: 'General consultation',
    durationMinutes: 30,
    price: { amount: 6000, currency: 'usd' },
    cancellationPolicy: 'Cancel up to 24 hours before for a full refund; no refund after.',
  },
  {
    id: '7c1d0000-0000-4000-8000-0000000000a4',
    name: 'Follow-up call',
    durationMinutes: 15,
    price: { amount: 0, currency: 'usd' },
    cancellationPolicy: 'Cancel up to 24 hours before for a full refund; no refund after.',
  },
];

export const DOCTORS: Doctor[] = [
  {
    id: '7c1d0000-0000-4000-8000-0000000000d1',
    name: 'Dr. Amara Okafor',
    specialty: 'General practice',
  },
  { id: '7c1d0000-0000-4000-8000-0000000000d2', name: 'Dr. Lucas Meyer', specialty: 'Dermatology' },
];

export const BOTH_METHODS: PaymentMethods = {
  stripe: {
    publishableKey: 'pk_test_demo',
    stripeJsUrl: 'http://127.0.0.1:12111/v3/stripe.js',
    currency: 'usd',
    mode: 'test',
  },
  payAtClinic: true,
  cardUnavailable: false,
};

/** A wizard at `step` with the first service and doctor chosen, and whatever else a test chose. */
export function wizardAt(step: StepId, chosen: Partial<WizardState> = {}): WizardState {
  return {
    ...initialWizardState,
    step,
    serviceId: SERVICES[0]!.id,
    doctorId: DOCTORS[0]!.id,
    ...chosen,
  };
}

/** What booking.create answers for any booking, before what its payment method adds. */
export const bookingCreated = (startsAt: string) => ({
  reference: 'CP-7K2M9QXD',
  token: 'tok_'.padEnd(32, 'x'),
  startsAt,
});

/** booking.create's answer for a card booking: the time held and the embedded checkout to open. */
export const cardBookingCreated = (startsAt: string) => ({
  ...bookingCreated(startsAt),
  status: 'pending_payment',
  paymentMethod: 'stripe',
  holdExpiresAt: '2030-03-01T15:35:00.000Z',
  checkout: { clientSecret: 'cs_test_1_secret_2', publishableKey: 'pk_test_demo' },
});

export const PATIENT = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 212 555 0100' };

export function bookingStatus(overrides: Partial<BookingStatus> = {}): BookingStatus {
  return {
    reference: 'CP-7K2M9QXD',
    status: 'confirmed',
    pollAfterMs: null,
    cancelReason: null,
    serviceId: '7c1d0000-0000-4000-8000-0000000000a1',
    doctorId: '7c1d0000-0000-4000-8000-0000000000d1',
    serviceName: 'General consultation',
    doctorName: 'Dr. Amara Okafor',
    clinic: { name: CLINIC.name, address: CLINIC.address, timeZone: CLINIC.timeZone },
    startsAt: '2030-03-04T15:00:00.000Z',
    endsAt: '2030-03-04T15:30:00.000Z',
    holdExpiresAt: null,
    paymentMethod: 'stripe',
    payment: {
      status: 'completed',
      amount: 6000,
      currency: 'usd',
      amountRefunded: 0,
      failureCode: null,
      failureMessage: null,
      refund: null,
    },
    rescheduleCount: 0,
    actions: null,
    ...overrides,
  };
}
