import {
  dropWaitingMail,
  findMailAppointment,
  findMailClinic,
  findMailRefund,
  queueMail,
  type Database,
  type Kysely,
  type MailClinicRow,
  type NewMail,
} from '@clinicpay/db';
import type { CancelCause } from '@clinicpay/mail';
import { expiryOf, MAIL_KINDS } from './mail-kinds.js';
import { noticeRecipients } from './recipients.js';

// The facts that send e-mail, each written in the transaction that makes it true (pass the
// transaction as `db`), under a key unique to the fact: a duplicate event or a second replica
// writes nothing more. What the message says is decided when it is sent (compose-mail.ts).

/** A booking became Confirmed: the patient's confirmation, its reminder, the clinic's notice. */
export async function queueConfirmedMail(
  db: Kysely<Database>,
  appointmentId: string,
  at: Date,
): Promise<void> {
  const booking = await findMailAppointment(db, appointmentId);
  if (!booking) return;
  const times = { startsAt: booking.starts_at, endsAt: booking.ends_at };
  const messages: NewMail[] = [
    {
      factKey: `confirmed:${appointmentId}`,
      kind: 'booking_confirmed',
      audience: 'patient',
      appointmentId,
      recipient: booking.patient_email,
      dueAt: at,
      expiresAt: expiryOf('booking_confirmed', at, times),
      createdAt: at,
    },
    {
      factKey: `clinic-new:${appointmentId}`,
      kind: 'clinic_new_booking',
      audience: 'clinic',
      appointmentId,
      recipient: noticeRecipients(booking).join(', '),
      dueAt: at,
      expiresAt: expiryOf('clinic_new_booking', at),
      createdAt: at,
    },
  ];
  const reminder = reminderFor(appointmentId, booking, at);
  if (reminder) messages.push(reminder);
  await queueMail(db, messages);
}

/**
 * The reminder of an appointment at its current time, keyed by that time, so a move plans a new
 * one (the old one is dropped when its time comes: the booking no longer starts then).
 */
function reminderFor(
  appointmentId: string,
  booking: MailClinicRow & { patient_email: string; starts_at: Date; ends_at: Date },
  at: Date,
): NewMail | null {
  if (booking.reminder_hours_before === null) return null;
  const dueAt = new Date(booking.starts_at.getTime() - booking.reminder_hours_before * 3600_000);
  // Booked inside the reminder window: the confirmation is the reminder.
  if (dueAt <= at) return null;
  return {
    factKey: `reminder:${appointmentId}:${booking.starts_at.toISOString()}`,
    kind: 'appointment_reminder',
    audience: 'patient',
    appointmentId,
    recipient: booking.patient_email,
    dueAt,
    expiresAt: expiryOf('appointment_reminder', at, {
      startsAt: booking.starts_at,
      endsAt: booking.ends_at,
    }),
    createdAt: at,
  };
}

/**
 * A booking moved to another time (the patient's or the clinic's reschedule, which calls this in
 * its own transaction): the patient gets the new time with an updated `.ics` (same UID, the next
 * SEQUENCE), and a reminder is planned for the new time; the old time's reminder is dropped when
 * it comes, since the booking no longer starts then.
 */
export async function queueRescheduledMail(
  db: Kysely<Database>,
  moved: { appointmentId: string; previousStartsAt: Date },
  at: Date,
): Promise<void> {
  const { appointmentId } = moved;
  const booking = await findMailAppointment(db, appointmentId);
  if (!booking) return;
  const times = { startsAt: booking.starts_at, endsAt: booking.ends_at };
  const messages: NewMail[] = [
    {
      factKey: `rescheduled:${appointmentId}:${booking.starts_at.toISOString()}`,
      kind: 'booking_rescheduled',
      audience: 'patient',
      appointmentId,
      recipient: booking.patient_email,
      details: { previous_starts_at: moved.previousStartsAt.toISOString() },
      dueAt: at,
      expiresAt: expiryOf('booking_rescheduled', at, times),
      createdAt: at,
    },
  ];
  const reminder = reminderFor(appointmentId, booking, at);
  if (reminder) messages.push(reminder);
  await queueMail(db, messages);
}

/** Why a booking was cancelled, in the terms a message explains. */
export function cancelCauseOf(reason: string | null): CancelCause {
  switch (reason) {
    case 'cancelled_by_patient':
      return 'patient';
    case 'payment_failed':
    case 'amount_mismatch':
      return 'payment_failed';
    case 'checkout_expired':
    case 'hold_expired':
    case 'payment_not_settled':
      return 'hold_lapsed';
    default:
      return 'clinic';
  }
}

/**
 * Holds the patient never saw as a booking: the request that made them failed (Stripe could not
 * open the checkout, or the process died first) and the patient was told so on the page.
 */
const NEVER_SHOWN = new Set(['checkout_unavailable', 'checkout_not_started']);

/**
 * A booking was cancelled: the patient is told why; the clinic hears of it only when it was a
 * booking it had (a hold that lapsed was never on its calendar).
 */
export async function queueCancelledMail(
  db: Kysely<Database>,
  cancelled: { appointmentId: string; reason: string | null; wasConfirmed: boolean },
  at: Date,
): Promise<void> {
  const { appointmentId } = cancelled;
  if (NEVER_SHOWN.has(cancelled.reason ?? '')) return;
  const booking = await findMailAppointment(db, appointmentId);
  if (!booking) return;
  const cause = cancelCauseOf(cancelled.reason);
  const messages: NewMail[] = [
    {
      factKey: `cancelled:${appointmentId}`,
      kind: 'booking_cancelled',
      audience: 'patient',
      appointmentId,
      recipient: booking.patient_email,
      details: { cause },
      dueAt: at,
      expiresAt: expiryOf('booking_cancelled', at),
      createdAt: at,
    },
  ];
  if (cancelled.wasConfirmed) {
    messages.push({
      factKey: `clinic-cancelled:${appointmentId}`,
      kind: 'clinic_cancellation',
      audience: 'clinic',
      appointmentId,
      recipient: noticeRecipients(booking).join(', '),
      details: { cause },
      dueAt: at,
      expiresAt: expiryOf('clinic_cancellation', at),
      createdAt: at,
    });
  }
  await queueMail(db, messages);
  // No reminder of an appointment that will not happen (one being sent now finds it cancelled).
  const drop = { appointmentId, kind: 'appointment_reminder', reason: 'booking_cancelled', at };
  await dropWaitingMail(db, drop);
}

/** A refund succeeded at Stripe: the patient hears the amount. */
export async function queueRefundMail(
  db: Kysely<Database>,
  refundId: string,
  at: Date,
): Promise<void> {
  const refund = await findMailRefund(db, refundId);
  if (!refund) return;
  const booking = await findMailAppointment(db, refund.appointment_id);
  if (!booking) return;
  await queueMail(db, [
    {
      factKey: `refund:${refundId}`,
      kind: 'refund_sent',
      audience: 'patient',
      appointmentId: refund.appointment_id,
      refundId,
      recipient: booking.patient_email,
      dueAt: at,
      expiresAt: expiryOf('refund_sent', at),
      createdAt: at,
    },
  ]);
}

export interface DisputeFacts {
  disputeId: string;
  appointmentId: string;
  paymentId: string;
  amount: number;
  currency: string;
  reason: string;
}

/** A patient's bank opened a dispute: the clinic must answer it in time. */
export async function queueDisputeMail(
  db: Kysely<Database>,
  dispute: DisputeFacts,
  at: Date,
): Promise<void> {
  const clinic = await findMailClinic(db);
  if (!clinic) return;
  await queueMail(db, [
    {
      factKey: `dispute:${dispute.disputeId}`,
      kind: 'clinic_dispute_opened',
      audience: 'clinic',
      appointmentId: dispute.appointmentId,
      recipient: noticeRecipients(clinic).join(', '),
      details: {
        payment_id: dispute.paymentId,
        amount: dispute.amount,
        currency: dispute.currency,
        reason: dispute.reason,
      },
      dueAt: at,
      expiresAt: expiryOf('clinic_dispute_opened', at),
      createdAt: at,
    },
  ]);
}

/** A notice to the clinic with no booking of its own (alerts, undeliverable mail, tests). */
export async function queueClinicNotice(
  db: Kysely<Database>,
  notice: {
    factKey: string;
    kind: 'clinic_alert' | 'clinic_undeliverable' | 'test_message';
    details: Record<string, string | number | null>;
    /** Instead of the clinic's notice addresses (a test sent to the admin who asked). */
    recipient?: string;
  },
  at: Date,
): Promise<boolean> {
  const clinic = await findMailClinic(db);
  if (!clinic) return false;
  const written = await queueMail(db, [
    {
      factKey: notice.factKey,
      kind: notice.kind,
      audience: MAIL_KINDS[notice.kind].audience,
      recipient: notice.recipient ?? noticeRecipients(clinic).join(', '),
      details: notice.details,
      dueAt: at,
      expiresAt: expiryOf(notice.kind, at),
      createdAt: at,
    },
  ]);
  return written > 0;
}

/**
 * An admin link by e-mail (an invitation, a password reset), addressed to one person. The token
 * travels sealed in `details` (APP_SECRET) until the message is composed; the link's own row says
 * at send time whether it is still worth sending.
 */
export async function queueAdminLinkMail(
  db: Kysely<Database>,
  mail: {
    linkId: string;
    kind: 'admin_invitation' | 'admin_password_reset';
    recipient: string;
    details: Record<string, string>;
  },
  at: Date,
): Promise<void> {
  await queueMail(db, [
    {
      factKey: `${mail.kind}:${mail.linkId}`,
      kind: mail.kind,
      audience: MAIL_KINDS[mail.kind].audience,
      recipient: mail.recipient,
      details: { ...mail.details, link_id: mail.linkId },
      dueAt: at,
      expiresAt: expiryOf(mail.kind, at),
      createdAt: at,
    },
  ]);
}
