import type { MailKind } from '@clinicpay/mail';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface KindRule {
  audience: 'patient' | 'clinic';
  /** How long after the fact the message is still worth sending. */
  freshFor: number;
  /** Also never after the appointment began (a reminder) or ended (a confirmation). */
  until?: 'start' | 'end';
}

/**
 * Each kind's moment. Past it a message is dropped, not sent: a reminder after the appointment
 * began or a confirmation days late would confuse more than help.
 */
export const MAIL_KINDS: Record<MailKind, KindRule> = {
  booking_confirmed: { audience: 'patient', freshFor: 2 * DAY, until: 'end' },
  booking_rescheduled: { audience: 'patient', freshFor: 2 * DAY, until: 'end' },
  booking_cancelled: { audience: 'patient', freshFor: 2 * DAY },
  refund_sent: { audience: 'patient', freshFor: 7 * DAY },
  appointment_reminder: { audience: 'patient', freshFor: 30 * DAY, until: 'start' },
  clinic_new_booking: { audience: 'clinic', freshFor: 3 * DAY },
  clinic_cancellation: { audience: 'clinic', freshFor: 3 * DAY },
  clinic_dispute_opened: { audience: 'clinic', freshFor: 7 * DAY },
  clinic_alert: { audience: 'clinic', freshFor: DAY },
  clinic_undeliverable: { audience: 'clinic', freshFor: 3 * DAY },
  test_message: { audience: 'clinic', freshFor: HOUR },
  // No later than the link itself: an invitation lasts 72 hours, a reset 30 minutes.
  admin_invitation: { audience: 'clinic', freshFor: 72 * HOUR },
  admin_password_reset: { audience: 'clinic', freshFor: HOUR / 2 },
};

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(MAIL_KINDS, kind);
}

/** When a message of `kind` written at `at` expires. */
export function expiryOf(
  kind: MailKind,
  at: Date,
  appointment?: { startsAt: Date; endsAt: Date },
): Date {
  const rule = MAIL_KINDS[kind];
  const fresh = at.getTime() + rule.freshFor;
  if (!rule.until || !appointment) return new Date(fresh);
  const bound = rule.until === 'start' ? appointment.startsAt : appointment.endsAt;
  return new Date(Math.min(fresh, bound.getTime()));
}
