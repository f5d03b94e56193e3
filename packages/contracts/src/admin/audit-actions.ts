/**
 * Every action the audit log records, as a closed list: a misspelt action is a type error where
 * it is written, not an entry no filter ever finds. The admin's audit page labels these.
 */
export const AUDIT_ACTIONS = [
  'admin.signed_in',
  'appointment.cancelled',
  'appointments.bulk_cancelled',
  'booking_protection.saved',
  'appointment.no_show',
  'appointment.paid_at_clinic',
  'clinic.set_up',
  'clinic.updated',
  'doctor.created',
  'doctor.hours_set',
  'doctor.services_set',
  'doctor.time_off_added',
  'doctor.time_off_removed',
  'doctor.updated',
  'gateway.disabled',
  'gateway.enabled',
  'mail.resent',
  'mail.test_sent',
  'mail_settings.saved',
  'payment.refund_requested',
  'service.created',
  'service.deleted',
  'service.restored',
  'service.updated',
  'stripe_settings.saved',
  'transactions.exported',
  'webhook_event.replayed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
