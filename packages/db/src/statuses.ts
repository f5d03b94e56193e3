// The closed vocabularies the database's CHECK constraints allow. The migrations spell these out
// literally (they are frozen in time); a test checks the two still agree. The lists the admin SPA
// shows too are the contracts' own, named here as the queries know them.
import {
  APPOINTMENT_STATUSES,
  GATEWAYS,
  PAYMENT_STATUSES,
  type AppointmentStatusName,
  type GatewayName,
  type PaymentStatusName,
} from '@clinicpay/contracts';

export const appointmentStatuses = APPOINTMENT_STATUSES;
export type AppointmentStatus = AppointmentStatusName;

/** Statuses that hold the doctor's time: every status except `cancelled`. */
export const activeAppointmentStatuses = appointmentStatuses.filter(
  (s): s is Exclude<AppointmentStatus, 'cancelled'> => s !== 'cancelled',
);

export const paymentMethods = ['stripe', 'pay_at_clinic', 'free'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const gateways = GATEWAYS;
export type Gateway = GatewayName;

export const gatewayModes = ['test', 'live'] as const;
export type GatewayMode = (typeof gatewayModes)[number];

export const paymentStatuses = PAYMENT_STATUSES;
export type PaymentStatus = PaymentStatusName;

export const refundStatuses = [
  'pending',
  'succeeded',
  'failed',
  'canceled',
  'requires_action',
] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const failurePolicies = ['cancel', 'retry'] as const;
export type FailurePolicy = (typeof failurePolicies)[number];

/**
 * Stripe's dispute statuses that still need the clinic: evidence to send, or a bank's decision to
 * wait for (an appeal included). The rest end a dispute (won, lost, warning_closed, prevented).
 * payments.dispute_status keeps Stripe's word unchecked, so this is a list to match, not a CHECK.
 */
export const openDisputeStatuses = [
  'warning_needs_response',
  'warning_under_review',
  'needs_response',
  'under_review',
  'appeal_needs_response',
  'appeal_under_review',
] as const;
export type OpenDisputeStatus = (typeof openDisputeStatuses)[number];
