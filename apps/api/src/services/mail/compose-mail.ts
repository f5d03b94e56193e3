import {
  countEarlierMail,
  findMailAppointments,
  findMailClinic,
  findMailRefunds,
  type ClaimedMail,
  type Database,
  type Kysely,
  type MailAppointmentRow,
  type MailClinicRow,
  type MailRefundRow,
} from '@clinicpay/db';
import type { AppointmentFacts, CancelCause, ClinicContact, MailMessage } from '@clinicpay/mail';
import type { AppDeps } from '../../deps.js';
import { bookingLink } from './booking-link.js';
import { composeAdminLink } from './compose-admin-link.js';
import { isMailKind } from './mail-kinds.js';
import { noticeRecipients } from './recipients.js';

/** What a claimed row becomes at send time: a message to someone, or a reason to send nothing. */
export type Composed =
  { send: true; to: string[]; message: MailMessage } | { send: false; reason: string };

const drop = (reason: string): Composed => ({ send: false, reason });

/** A text the fact stored with its row ('' when it stored none). */
function detail(row: ClaimedMail, key: string): string {
  const value = row.details[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** What a batch of claimed rows is composed from: the clinic, bookings and refunds as now. */
export interface MailFacts {
  clinic: MailClinicRow | undefined;
  bookings: Map<string, MailAppointmentRow>;
  refunds: Map<string, MailRefundRow>;
}

/** Reads the facts of a whole batch in three queries, not two or three per message. */
export async function loadMailFacts(
  db: Kysely<Database>,
  rows: readonly ClaimedMail[],
): Promise<MailFacts> {
  const refundIds = rows.flatMap((r) =>
    r.kind === 'refund_sent' && r.refund_id ? [r.refund_id] : [],
  );
  const [clinic, refunds] = await Promise.all([findMailClinic(db), findMailRefunds(db, refundIds)]);
  const appointmentIds = [
    ...rows.flatMap((r) => (r.appointment_id ? [r.appointment_id] : [])),
    ...refunds.map((r) => r.appointment_id),
  ];
  const bookings = await findMailAppointments(db, appointmentIds);
  return {
    clinic,
    bookings: new Map(bookings.map((b) => [b.id, b])),
    refunds: new Map(refunds.map((r) => [r.id, r])),
  };
}

/**
 * Builds the message from the booking as it is now (`facts`, read for the batch just before; else
 * read for this row). A fact the booking has since left behind (a confirmation of a booking
 * cancelled meanwhile, a reminder of a time it moved from) is dropped with that reason instead of
 * being sent.
 */
export async function composeMail(
  deps: AppDeps,
  row: ClaimedMail,
  facts?: MailFacts,
): Promise<Composed> {
  const known = facts ?? (await loadMailFacts(deps.db, [row]));
  if (!isMailKind(row.kind)) return drop('unknown_kind');
  if (row.kind === 'refund_sent') return composeRefund(deps, row, known);
  if (row.kind === 'admin_invitation' || row.kind === 'admin_password_reset') {
    if (!known.clinic) return drop('no_clinic');
    return composeAdminLink(deps, { ...row, kind: row.kind }, contactOf(known.clinic));
  }
  if (!row.appointment_id) return composeClinicNotice(deps, row, known);

  const booking = known.bookings.get(row.appointment_id);
  if (!booking) return drop('booking_not_found');
  const clinic = contactOf(booking);
  const appointment = appointmentOf(deps, booking, row.audience);
  const patientTo = [booking.patient_email];
  const clinicTo = noticeRecipients(booking);
  const cause = (row.details.cause ?? 'clinic') as CancelCause;

  switch (row.kind) {
    case 'booking_confirmed':
      if (booking.status !== 'confirmed') return drop(`booking_${booking.status}`);
      return {
        send: true,
        to: patientTo,
        message: {
          kind: 'booking_confirmed',
          clinic,
          appointment,
          payment: paymentOf(booking),
          calendar: { sequence: 0 },
          policySentence: storedSentence(booking),
        },
      };
    case 'booking_rescheduled':
      if (booking.status !== 'confirmed') return drop(`booking_${booking.status}`);
      if (!row.fact_key.endsWith(`:${booking.starts_at.toISOString()}`))
        return drop('booking_moved');
      return {
        send: true,
        to: patientTo,
        message: {
          kind: 'booking_rescheduled',
          clinic,
          appointment,
          previousStartsAt: new Date(detail(row, 'previous_starts_at')),
          calendar: { sequence: await calendarSequence(deps, booking.id, row) },
        },
      };
    case 'appointment_reminder':
      if (booking.status !== 'confirmed') return drop(`booking_${booking.status}`);
      if (booking.reminder_hours_before === null) return drop('reminders_off');
      if (!row.fact_key.endsWith(`:${booking.starts_at.toISOString()}`))
        return drop('booking_moved');
      return {
        send: true,
        to: patientTo,
        message: { kind: 'appointment_reminder', clinic, appointment },
      };
    case 'booking_cancelled':
      if (booking.status !== 'cancelled') return drop(`booking_${booking.status}`);
      return {
        send: true,
        to: patientTo,
        message: {
          kind: 'booking_cancelled',
          clinic,
          appointment,
          cause,
          refund: refundOf(booking),
          calendar: { sequence: await calendarSequence(deps, booking.id, row) },
        },
      };
    case 'clinic_new_booking':
      return {
        send: true,
        to: clinicTo,
        message: {
          kind: 'clinic_new_booking',
          clinic,
          appointment,
          patient: {
            name: booking.patient_name,
            email: booking.patient_email,
            phone: booking.patient_phone,
          },
          payment: paymentOf(booking),
        },
      };
    case 'clinic_cancellation':
      return {
        send: true,
        to: clinicTo,
        message: {
          kind: 'clinic_cancellation',
          clinic,
          appointment,
          patientName: booking.patient_name,
          cause,
        },
      };
    case 'clinic_dispute_opened':
      return {
        send: true,
        to: clinicTo,
        message: {
          kind: 'clinic_dispute_opened',
          clinic,
          appointment,
          dispute: {
            amount: {
              amount: Number(row.details.amount ?? 0),
              currency: detail(row, 'currency').toUpperCase(),
            },
            reason: detail(row, 'reason') || 'general',
            respondBy: null,
          },
          link: `${deps.config.mail.adminUrl}transactions/${detail(row, 'payment_id')}`,
        },
      };
    default:
      return drop('not_a_booking_message');
  }
}

function composeRefund(deps: AppDeps, row: ClaimedMail, facts: MailFacts): Composed {
  const refund = row.refund_id ? facts.refunds.get(row.refund_id) : undefined;
  if (!refund) return drop('refund_not_found');
  if (refund.status !== 'succeeded') return drop(`refund_${refund.status}`);
  const booking = facts.bookings.get(refund.appointment_id);
  if (!booking) return drop('booking_not_found');
  return {
    send: true,
    to: [booking.patient_email],
    message: {
      kind: 'refund_sent',
      clinic: contactOf(booking),
      appointment: appointmentOf(deps, booking, 'patient'),
      refund: {
        amount: { amount: refund.amount, currency: refund.currency },
        paid: { amount: refund.paid_amount, currency: refund.currency },
        status: 'succeeded',
      },
    },
  };
}

function composeClinicNotice(deps: AppDeps, row: ClaimedMail, facts: MailFacts): Composed {
  const clinicRow = facts.clinic;
  if (!clinicRow) return drop('no_clinic');
  const clinic = contactOf(clinicRow);
  const to = row.recipient
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  const adminUrl = deps.config.mail.adminUrl;
  const text = (key: string) => detail(row, key);
  switch (row.kind) {
    case 'clinic_alert':
      return {
        send: true,
        to,
        message: {
          kind: 'clinic_alert',
          clinic,
          alert:
            text('alert') === 'stripe_refusals' ? 'stripe_refusals' : 'webhook_signature_failures',
          count: Number(row.details.count ?? 0),
          since: new Date(text('since')),
          detail: text('detail'),
          link: `${adminUrl}${text('alert') === 'stripe_refusals' ? 'payment-settings/stripe' : 'webhooks'}`,
        },
      };
    case 'clinic_undeliverable':
      return {
        send: true,
        to,
        message: {
          kind: 'clinic_undeliverable',
          clinic,
          recipient: text('recipient'),
          about: text('about'),
          error: text('error'),
          link: `${adminUrl}email`,
        },
      };
    case 'test_message':
      return {
        send: true,
        to,
        message: {
          kind: 'test_message',
          clinic,
          requestedBy: text('requested_by'),
          link: adminUrl,
        },
      };
    default:
      return drop('booking_missing');
  }
}

/**
 * The `.ics` revision a message carries: the confirmation is 0, and each later change of the
 * event (a move, the cancellation) is one more than the changes written before it.
 */
async function calendarSequence(
  deps: AppDeps,
  appointmentId: string,
  row: ClaimedMail,
): Promise<number> {
  return (
    1 +
    (await countEarlierMail(deps.db, {
      appointmentId,
      kind: 'booking_rescheduled',
      before: row.created_at,
      excludeId: row.id,
    }))
  );
}

function contactOf(row: MailClinicRow): ClinicContact {
  return {
    name: row.clinic_name,
    email: row.clinic_email,
    phone: row.clinic_phone,
    address: row.clinic_address,
    timeZone: row.time_zone,
  };
}

/** Patients get their booking page; the clinic gets the admin's page of the appointment. */
function appointmentOf(
  deps: AppDeps,
  booking: MailAppointmentRow,
  audience: 'patient' | 'clinic',
): AppointmentFacts {
  return {
    reference: booking.reference,
    serviceName: booking.service_name,
    doctorName: booking.doctor_name,
    startsAt: booking.starts_at,
    endsAt: booking.ends_at,
    link:
      audience === 'patient'
        ? bookingLink(deps.config.publicUrl, deps.secretBox, booking)
        : `${deps.config.mail.adminUrl}appointments/${booking.id}`,
  };
}

function paymentOf(booking: MailAppointmentRow) {
  return {
    method: booking.payment_method === 'stripe' ? ('stripe' as const) : ('pay_at_clinic' as const),
    amount: { amount: booking.amount ?? 0, currency: booking.currency ?? 'USD' },
  };
}

/** The policy sentence stored with the booking (none for bookings made before policies). */
function storedSentence(booking: MailAppointmentRow): string | null {
  const sentence = booking.cancellation_policy?.sentence;
  return typeof sentence === 'string' ? sentence : null;
}

/** The money going back with a cancellation, as the payment now records it. */
function refundOf(booking: MailAppointmentRow) {
  if (!booking.amount || !booking.currency || booking.payment_method !== 'stripe') return null;
  const refunding = booking.refunds_reserved ?? 0;
  if (refunding <= 0) return null;
  return {
    amount: { amount: refunding, currency: booking.currency },
    paid: { amount: booking.amount, currency: booking.currency },
    status:
      refunding <= (booking.amount_refunded ?? 0) ? ('succeeded' as const) : ('pending' as const),
  };
}
