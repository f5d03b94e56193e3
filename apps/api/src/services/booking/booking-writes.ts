import type { PatientDetailsInput, PolicySnapshot } from '@clinicpay/contracts';
import {
  findLapsedHoldsOverlapping,
  findPendingPaymentOf,
  insertAppointment,
  insertPatient,
  insertPayment,
  countOpenBookingsOfContact,
  lockBookingContacts,
  recordAppointmentEvent,
  recordPaymentEvent,
  type Database,
  type Kysely,
  type Transaction,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import { releaseHold } from '../fulfilment/release-hold.js';
import { queueConfirmedMail } from '../mail/queue-mail.js';
import type { ChosenPayment } from './create-booking.service.js';
import { assertStillOffered } from './still-bookable.js';

export interface PlannedBooking {
  reference: string;
  doctorId: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  patient: PatientDetailsInput;
  accessTokenHash: string;
  /** The link's secret encrypted for the e-mails that carry it (mail/booking-link.ts). */
  accessTokenSealed: string;
  holdExpiresAt: Date | null;
  payment: ChosenPayment;
  /** The cancellation policy in force now: stored with the booking, it is what applies later. */
  policy: PolicySnapshot | null;
  /** The clinic's, for the doctor's weekly hours (wall-clock minutes). */
  timeZone: string;
  now: Date;
  /** Where the booking came from (kept 30 days): the address, and its IPv4 address or IPv6 /64. */
  client: { address: string | null; network: string | null };
  /** Open future bookings one e-mail address or phone number may hold, and whom to call past it. */
  contactCap: { max: number; clinicPhone: string };
}

export interface HeldBooking {
  appointmentId: string;
  paymentId: string | null;
  reference: string;
}

/**
 * Step 1 of a booking, in one transaction: check the doctor still offers the time, release lapsed
 * holds on it, then insert the
 * patient, the appointment (held, or confirmed when nothing is paid online) and its payment.
 * The overlap constraint refuses a taken time with SlotTakenError; nothing is left behind.
 */
export async function insertBooking(
  db: Kysely<Database>,
  plan: PlannedBooking,
): Promise<HeldBooking> {
  return db.transaction().execute(async (trx) => {
    // First the doctor (share lock), then payments and appointments: the writers' one lock order.
    await assertStillOffered(trx, plan);
    await assertContactUnderCap(trx, plan);
    await releaseLapsedHolds(trx, plan);
    const patientId = await insertPatient(trx, { ...plan.patient, at: plan.now });
    const held = plan.payment.method === 'stripe';
    const appointment = await insertAppointment(trx, {
      reference: plan.reference,
      doctor_id: plan.doctorId,
      service_id: plan.serviceId,
      patient_id: patientId,
      starts_at: plan.startsAt,
      ends_at: plan.endsAt,
      status: held ? 'pending_payment' : 'confirmed',
      hold_expires_at: plan.holdExpiresAt,
      payment_method: plan.payment.method,
      access_token_hash: plan.accessTokenHash,
      access_token_sealed: plan.accessTokenSealed,
      cancellation_policy: plan.policy ? JSON.stringify(plan.policy) : null,
      client_address: plan.client.address,
      client_network: plan.client.network,
      created_at: plan.now,
      updated_at: plan.now,
    });
    const cause = { source: 'booking' as const, at: plan.now };
    await recordAppointmentEvent(trx, appointment.id, null, appointment.status, cause);
    if (plan.payment.method === 'free') {
      await queueConfirmedMail(trx, appointment.id, plan.now);
      return { appointmentId: appointment.id, paymentId: null, reference: plan.reference };
    }

    const status = held ? 'pending' : 'due_at_clinic';
    const paymentId = await insertPayment(trx, {
      appointmentId: appointment.id,
      gateway: plan.payment.method,
      mode: plan.payment.method === 'stripe' ? plan.payment.mode : null,
      amount: plan.payment.amount,
      currency: plan.payment.currency,
      status,
      at: plan.now,
    });
    await recordPaymentEvent(trx, paymentId, null, status, cause);
    // Nothing to pay online: confirmed now, so its messages are written with it.
    if (!held) await queueConfirmedMail(trx, appointment.id, plan.now);
    return { appointmentId: appointment.id, paymentId, reference: plan.reference };
  });
}

/**
 * Holds past their expiry that overlap this time are cancelled first, so a lapsed hold the
 * sweeper has not reached yet does not block a new booking. Its checkout session expires at
 * the same moment at Stripe (expires_at = hold end).
 */
export async function releaseLapsedHolds(
  trx: Transaction<Database>,
  plan: { doctorId: string; startsAt: Date; endsAt: Date; now: Date },
): Promise<void> {
  const lapsed = await findLapsedHoldsOverlapping(trx, plan);
  for (const { id } of lapsed) {
    const payment = await findPendingPaymentOf(trx, id);
    await releaseHold(
      trx,
      { appointmentId: id, paymentId: payment?.id ?? null },
      'hold_expired',
      'expired',
      { source: 'booking', at: plan.now },
    );
  }
}

/** Stripe refused to open a checkout: the time is released at once rather than held for nothing. */
export async function cancelUnstartedCheckout(
  db: Kysely<Database>,
  booked: HeldBooking,
  at: Date,
): Promise<void> {
  await db.transaction().execute((trx) =>
    releaseHold(
      trx,
      { appointmentId: booked.appointmentId, paymentId: booked.paymentId },
      'checkout_unavailable',
      'failed',
      {
        source: 'booking',
        at,
      },
    ),
  );
}

/**
 * One e-mail address or phone number may hold only so many open future bookings: otherwise a
 * script fills the calendar with pay-at-clinic bookings that never lapse. Counted under a lock
 * per contact, so concurrent bookings for one contact cannot all pass against the same count.
 */
async function assertContactUnderCap(trx: Transaction<Database>, plan: PlannedBooking) {
  await lockBookingContacts(trx, plan.patient);
  const open = await countOpenBookingsOfContact(trx, { ...plan.patient, now: plan.now });
  if (open.byEmail < plan.contactCap.max && open.byPhone < plan.contactCap.max) return;
  const call = plan.contactCap.clinicPhone
    ? `call the clinic on ${plan.contactCap.clinicPhone}`
    : 'call the clinic';
  const which = open.byEmail >= plan.contactCap.max ? 'e-mail address' : 'phone number';
  throw new AppError(
    'booking_limit_reached',
    `This ${which} already has ${plan.contactCap.max} upcoming bookings, the most that can be made online. If you are booking for several people in one family, please ${call} and we will book the others for you.`,
  );
}
