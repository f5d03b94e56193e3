import {
  APPOINTMENT_STATUS_LABELS,
  PAYMENT_STATUS_LABELS,
  STRIPE_MODE_LABELS,
  type AppointmentStatusName,
  type PaymentStatusName,
} from '@clinicpay/contracts';
import type { BadgeTone } from '@clinicpay/ui';

// The colours of each status: money in (green), waiting (amber), at the clinic (blue),
// money back (violet), nothing happened (slate), a problem (red).

export const PAYMENT_STATUS_TONES: Record<PaymentStatusName, BadgeTone> = {
  pending: 'amber',
  completed: 'green',
  failed: 'red',
  expired: 'slate',
  due_at_clinic: 'blue',
  paid_at_clinic: 'green',
  refunded: 'violet',
  partially_refunded: 'violet',
};

export const APPOINTMENT_STATUS_TONES: Record<AppointmentStatusName, BadgeTone> = {
  pending_payment: 'amber',
  confirmed: 'green',
  cancelled: 'slate',
  arrived: 'blue',
  completed: 'green',
  no_show: 'red',
};

export function paymentStatusLabel(status: string): string {
  return PAYMENT_STATUS_LABELS[status as PaymentStatusName] ?? status;
}

export function appointmentStatusLabel(status: string): string {
  return APPOINTMENT_STATUS_LABELS[status as AppointmentStatusName] ?? status;
}

/** "Stripe · Sandbox (Test)", "Pay at clinic". */
export function gatewayLabel(gateway: string, mode: string | null): string {
  if (gateway === 'pay_at_clinic') return 'Pay at clinic';
  const modeLabel = mode === 'test' || mode === 'live' ? STRIPE_MODE_LABELS[mode] : null;
  return modeLabel ? `Stripe · ${modeLabel}` : 'Stripe';
}

/** Stripe's dispute statuses in words ("needs_response" → "needs response"). */
export function disputeStatusLabel(status: string): string {
  return status.replace(/^warning_/, 'inquiry, ').replace(/_/g, ' ');
}

const FLAGGED_REASONS: Record<string, string> = {
  refund_failed:
    'A refund failed at Stripe (the card could not take it), so the money stayed with the clinic. The refunded total no longer counts it: refund the patient another way, or try again.',
  amount_mismatch:
    'Stripe received another amount than the booking asked for. The booking was cancelled and the money refunded; check the payment in Stripe.',
  paid_after_cancel_slot_taken:
    'The patient paid after the booking had been cancelled and its time given to someone else. The payment was refunded.',
  paid_after_patient_cancel:
    'The patient cancelled while the payment was still going through. The booking stayed cancelled and the payment was refunded in full.',
  dispute: 'The card holder disputed this payment. Answer it in Stripe’s Dashboard.',
};

/** Why a payment needs an admin, in a sentence (unknown reasons as they are). */
export function flaggedReasonSentence(reason: string): string {
  return FLAGGED_REASONS[reason] ?? reason;
}
