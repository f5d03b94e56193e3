import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { AppointmentStatus, PaymentStatus } from '../statuses.js';
import type { JsonObject } from '../tables/column-types.js';
import { withDbErrors } from '../translate-error.js';

/** Who or what moved a record, and why: written to the timelines beside each change. */
export interface TransitionCause {
  source: 'patient' | 'admin' | 'webhook' | 'status_page' | 'sweeper' | 'system' | 'booking';
  reason?: string | null;
  at: Date;
  stripeEventId?: string | null;
  details?: JsonObject;
}

/**
 * Moves an appointment from one of `from` to `to` by compare-and-set, and records it on the
 * timeline. Returns false (and changes nothing) when the appointment is not in one of `from`.
 * Throws SlotTakenError when `to` is active and the time is no longer free.
 */
export async function transitionAppointment(
  trx: Transaction<Database>,
  appointmentId: string,
  from: readonly AppointmentStatus[],
  to: AppointmentStatus,
  cause: TransitionCause,
  extra: { cancel_reason?: string | null } = {},
): Promise<boolean> {
  const moved = await withDbErrors(() =>
    trx
      .updateTable('appointments')
      .set({ status: to, updated_at: cause.at, ...extra })
      .where('id', '=', appointmentId)
      .where('status', 'in', from)
      .returning(['id'])
      .executeTakeFirst(),
  );
  if (!moved) return false;
  // With several possible `from` states the previous one is not known here: keep the set.
  const previous = from.length === 1 ? from[0]! : null;
  await recordAppointmentEvent(trx, appointmentId, previous, to, {
    ...cause,
    details: { ...cause.details, ...(previous ? {} : { from: [...from] }) },
  });
  return true;
}

type PaymentChanges = Partial<{
  checkout_session_id: string;
  payment_intent_id: string;
  charge_id: string;
  amount_refunded: number;
  failure_code: string | null;
  failure_message: string | null;
  dispute_status: string | null;
  flagged_reason: string | null;
  completed_at: Date;
}>;

/** The payment's counterpart of transitionAppointment: compare-and-set plus a timeline row. */
export async function transitionPayment(
  trx: Transaction<Database>,
  paymentId: string,
  from: readonly PaymentStatus[],
  to: PaymentStatus,
  cause: TransitionCause,
  changes: PaymentChanges = {},
): Promise<boolean> {
  const current = await trx
    .updateTable('payments')
    .set({ status: to, updated_at: cause.at, ...changes })
    .where('id', '=', paymentId)
    .where('status', 'in', from)
    .returning(['id'])
    .executeTakeFirst();
  if (!current) return false;
  const previous = from.length === 1 ? from[0]! : null;
  await recordPaymentEvent(trx, paymentId, previous, to, {
    ...cause,
    details: { ...cause.details, ...(previous ? {} : { from: [...from] }) },
  });
  return true;
}

export async function recordPaymentEvent(
  db: Kysely<Database>,
  paymentId: string,
  fromStatus: PaymentStatus | null,
  toStatus: PaymentStatus,
  cause: TransitionCause,
): Promise<void> {
  await db
    .insertInto('payment_events')
    .values({
      payment_id: paymentId,
      from_status: fromStatus,
      to_status: toStatus,
      source: cause.source,
      reason: cause.reason ?? null,
      stripe_event_id: cause.stripeEventId ?? null,
      details: JSON.stringify(cause.details ?? {}),
      at: cause.at,
    })
    .execute();
}

export async function recordAppointmentEvent(
  db: Kysely<Database>,
  appointmentId: string,
  fromStatus: AppointmentStatus | null,
  toStatus: AppointmentStatus,
  cause: TransitionCause,
): Promise<void> {
  await db
    .insertInto('appointment_events')
    .values({
      appointment_id: appointmentId,
      from_status: fromStatus,
      to_status: toStatus,
      source: cause.source,
      reason: cause.reason ?? null,
      details: JSON.stringify(cause.details ?? {}),
      at: cause.at,
    })
    .execute();
}
