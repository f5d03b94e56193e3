/**
 * The status names of payments and appointments, with the labels people see.
 * The database's CHECK constraints allow the same lists; an API test keeps the two in step.
 */
export const PAYMENT_STATUSES = [
  'pending',
  'completed',
  'failed',
  'expired',
  'due_at_clinic',
  'paid_at_clinic',
  'refunded',
  'partially_refunded',
] as const;
export type PaymentStatusName = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatusName, string>> = {
  pending: 'Pending',
  completed: 'Completed',
  failed: 'Failed',
  expired: 'Expired',
  due_at_clinic: 'Due at clinic',
  paid_at_clinic: 'Paid at clinic',
  refunded: 'Refunded',
  partially_refunded: 'Partially refunded',
};

export const APPOINTMENT_STATUSES = [
  'pending_payment',
  'confirmed',
  'cancelled',
  'arrived',
  'completed',
  'no_show',
] as const;
export type AppointmentStatusName = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_STATUS_LABELS: Readonly<Record<AppointmentStatusName, string>> = {
  pending_payment: 'Pending payment',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  arrived: 'Arrived',
  completed: 'Completed',
  no_show: 'No-show',
};
