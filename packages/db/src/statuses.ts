// The closed vocabularies the database's CHECK constraints allow. The migrations spell these out
// literally (they are frozen in time); a test checks the two still agree.

export const appointmentStatuses = [
  'pending_payment',
  'confirmed',
  'cancelled',
  'arrived',
  'completed',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses that hold the doctor's time: every status except `cancelled`. */
export const activeAppointmentStatuses = appointmentStatuses.filter(
  (s): s is Exclude<AppointmentStatus, 'cancelled'> => s !== 'cancelled',
);

export const paymentMethods = ['stripe', 'pay_at_clinic', 'free'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const gateways = ['stripe', 'pay_at_clinic'] as const;
export type Gateway = (typeof gateways)[number];

export const gatewayModes = ['test', 'live'] as const;
export type GatewayMode = (typeof gatewayModes)[number];

export const paymentStatuses = [
  'pending',
  'completed',
  'failed',
  'expired',
  'due_at_clinic',
  'paid_at_clinic',
  'refunded',
  'partially_refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

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
