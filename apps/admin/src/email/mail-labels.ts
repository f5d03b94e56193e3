import type { MailLogStatus } from '@clinicpay/contracts';
import type { BadgeTone } from '@clinicpay/ui';

/** What each kind of message is, as the log names it; the clinic's own notices say so. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  booking_confirmed: 'Booking confirmed',
  booking_rescheduled: 'Booking rescheduled',
  booking_cancelled: 'Booking cancelled',
  refund_sent: 'Refund sent',
  appointment_reminder: 'Reminder',
  clinic_new_booking: 'New booking (clinic)',
  clinic_cancellation: 'Cancellation (clinic)',
  clinic_dispute_opened: 'Dispute opened (clinic)',
  clinic_alert: 'Alert (clinic)',
  clinic_undeliverable: 'Could not deliver (clinic)',
  test_message: 'Test e-mail',
};

/** A kind the log does not know yet reads as its words ("new_kind" → "new kind"). */
export function mailKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replaceAll('_', ' ');
}

export const MAIL_STATUS_LABELS: Readonly<Record<MailLogStatus, string>> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  dropped: 'Dropped',
};

export const MAIL_STATUS_TONES: Readonly<Record<MailLogStatus, BadgeTone>> = {
  pending: 'amber',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  dropped: 'slate',
};

const DROP_REASONS: Readonly<Record<string, string>> = {
  expired: 'Expired before it could go',
  booking_cancelled: 'Booking was cancelled',
  booking_moved: 'Booking moved',
  reminders_off: 'Reminders turned off',
  no_recipient: 'No address to send to',
};

/** Why a message was not sent, in words; a reason the page does not know is shown as it is. */
export function dropReasonLabel(reason: string): string {
  return DROP_REASONS[reason] ?? reason;
}
