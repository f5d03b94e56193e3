import { DEMO_CLINIC } from '@clinicpay/react-test-harness';
import type { Clinic, Outputs } from '../trpc.js';

export const CLINIC: Clinic = DEMO_CLINIC;

export const SECRET = 'sk_test_51AbcdefghijklmnopQRSTUVWXyz0123456789';
export const PUBLISHABLE = 'pk_test_51AbcdefghijklmnopQRSTUVWXyz0123456789';
export const SIGNING = 'whsec_AbcdefghijklmnopQRSTUVWX0123';

export function stripeSettings(
  overrides: Partial<Outputs['stripeSettings']['get']> = {},
): Outputs['stripeSettings']['get'] {
  return {
    enabled: true,
    mode: 'test',
    currency: 'USD',
    failurePolicy: 'cancel',
    keys: {
      test: {
        publishableKey: PUBLISHABLE,
        secretKey: 'sk_test_…6789',
        webhookSigningSecret: 'whsec_…0123',
      },
      live: { publishableKey: null, secretKey: null, webhookSigningSecret: null },
    },
    refusals: { test: null, live: null },
    webhookUrl: 'https://clinic.example/webhooks/stripe',
    webhookEvents: ['payment_intent.succeeded', 'checkout.session.completed', 'charge.refunded'],
    apiVersion: '2026-10-28.endive',
    liveMode: { allowed: true, reason: null },
    lastEvent: { test: null, live: null },
    signatureFailures: { last24Hours: 0, recent: [] },
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'admin:admin@clinicpay.test',
    ...overrides,
  };
}

/** No keys saved at all: Stripe set up from scratch. */
export function blankStripeSettings(): Outputs['stripeSettings']['get'] {
  return stripeSettings({
    enabled: false,
    keys: {
      test: { publishableKey: null, secretKey: null, webhookSigningSecret: null },
      live: { publishableKey: null, secretKey: null, webhookSigningSecret: null },
    },
    updatedAt: null,
    updatedBy: null,
  });
}

type Row = Outputs['transactions']['list']['rows'][number];

/** The one payment the list's row and the drawer's detail both describe, so they agree. */
const PAID_CARD_PAYMENT = {
  id: '9a1d0000-0000-4000-8000-000000000001',
  status: 'completed',
  gateway: 'stripe',
  mode: 'test',
  amount: { amount: 6000, currency: 'usd' },
  amountRefunded: 0,
} as const;

export function transactionRow(overrides: Partial<Row> = {}): Row {
  return {
    ...PAID_CARD_PAYMENT,
    paymentIntentId: 'pi_test_123',
    checkoutSessionId: 'cs_test_123',
    disputeStatus: null,
    flaggedReason: null,
    createdAt: '2026-11-20T15:00:00.000Z',
    completedAt: '2026-11-20T15:01:00.000Z',
    appointment: {
      id: '9a1d0000-0000-4000-8000-0000000000a1',
      reference: 'CP-7K2M9QXD',
      startsAt: '2026-11-23T15:00:00.000Z',
    },
    patient: { name: 'Ada Lovelace', email: 'ada@example.com' },
    serviceName: 'General consultation',
    stripeDashboardUrl: 'https://dashboard.stripe.com/test/payments/pi_test_123',
    ...overrides,
  };
}

export const EMPTY_SUMMARY: Outputs['transactions']['summary'] = {
  from: '2026-10-21T04:00:00.000Z',
  to: '2026-11-20T05:00:00.000Z',
  timeZone: 'America/New_York',
  totals: [],
  dailyRevenue: [],
};

/** One transaction as the drawer shows it: a paid card payment with nothing else on it. */
export function transactionDetail(
  overrides: Partial<Outputs['transactions']['get']> = {},
): Outputs['transactions']['get'] {
  return {
    ...PAID_CARD_PAYMENT,
    refundable: 6000,
    stripe: {
      checkoutSessionId: 'cs_test_123',
      paymentIntentId: 'pi_test_123',
      chargeId: 'ch_test_123',
      dashboardUrl: 'https://dashboard.stripe.com/test/payments/pi_test_123',
    },
    failure: null,
    dispute: null,
    flaggedReason: null,
    createdAt: '2026-11-20T15:00:00.000Z',
    completedAt: '2026-11-20T15:01:00.000Z',
    appointment: {
      id: '9a1d0000-0000-4000-8000-0000000000a1',
      reference: 'CP-7KQ2M9XD',
      status: 'confirmed',
      startsAt: '2026-11-24T14:00:00.000Z',
      endsAt: '2026-11-24T14:30:00.000Z',
      cancelReason: null,
      serviceName: 'General consultation',
      doctorName: 'Dr. Amara Okafor',
    },
    patient: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+15550100' },
    refunds: [],
    timeline: [],
    ...overrides,
  };
}

/** E-mail on, the default sender, reminders a day before, notices to the contact e-mail. */
export function mailSettings(
  overrides: Partial<Outputs['mail']['settings']> = {},
): Outputs['mail']['settings'] {
  return {
    sending: 'on',
    defaultSender: {
      name: 'Riverside Family Clinic',
      address: 'bookings@riverside-clinic.example',
    },
    senderName: '',
    senderAddress: '',
    remindersOn: true,
    reminderHoursBefore: 24,
    noticeEmails: [],
    contactEmail: CLINIC.contactEmail,
    failedCount: 0,
    ...overrides,
  };
}

type MailRow = Outputs['mail']['list']['rows'][number];

/** A booking confirmation that went out. */
export function mailRow(overrides: Partial<MailRow> = {}): MailRow {
  return {
    id: '6e1d0000-0000-4000-8000-000000000001',
    kind: 'booking_confirmed',
    audience: 'patient',
    recipient: 'ada@example.com',
    status: 'sent',
    attempts: 1,
    lastError: null,
    dropReason: null,
    smtpResponse: '250 OK: message queued',
    messageId: '<cp.6e1d@riverside-clinic.example>',
    appointmentId: '9a1d0000-0000-4000-8000-0000000000a1',
    reference: 'CP-7KQ2M9XD',
    dueAt: '2026-11-20T15:00:00.000Z',
    sentAt: '2026-11-20T15:00:02.000Z',
    createdAt: '2026-11-20T15:00:00.000Z',
    ...overrides,
  };
}

/** A Confirmed appointment paid 60.00 by card, days ahead: the policy gives all of it back. */
export function appointmentDetail(
  overrides: Partial<Outputs['appointments']['get']> = {},
): Outputs['appointments']['get'] {
  const payment = {
    id: '7c0e0000-0000-4000-8000-000000000001',
    status: 'completed' as const,
    gateway: 'stripe' as const,
    amount: { amount: 6000, currency: 'USD' },
    amountRefunded: 0,
  };
  return {
    id: '9a1d0000-0000-4000-8000-0000000000a1',
    reference: 'CP-7KQ2M9XD',
    status: 'confirmed',
    startsAt: '2026-11-24T14:00:00.000Z',
    endsAt: '2026-11-24T14:30:00.000Z',
    paymentMethod: 'stripe',
    cancelReason: null,
    patient: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+15550100' },
    serviceName: 'General consultation',
    serviceId: '5e000000-0000-4000-8000-000000000001',
    doctor: { id: 'd0000000-0000-4000-8000-000000000001', name: 'Dr. Amara Okafor' },
    payment,
    payments: [{ ...payment, mode: 'test', createdAt: '2026-11-20T15:00:00.000Z' }],
    timeline: [],
    policyRefund: { percent: 100, amount: 6000 },
    actions: { cancel: true, move: true, markPaidAtClinic: false, markNoShow: false },
    ...overrides,
  };
}
