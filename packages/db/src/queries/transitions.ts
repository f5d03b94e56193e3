import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { AppointmentStatus, PaymentStatus } from '../statuses.js';
import type { JsonObject } from '../tables/column-types.js';
import { withDbErrors } from '../translate-error.js';
import { anyOf } from './any-of.js';

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
 *
 * One statement (the update in a CTE, the timeline row inserted from what it returned): these run
 * inside transactions that hold row locks, and every round trip saved is time the locks are held.
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
      .with('moved', (db) =>
        db
          .updateTable('appointments')
          .set({ status: to, updated_at: cause.at, ...extra })
          .where('id', '=', appointmentId)
          .where('status', '=', anyOf(from))
          .returning(['id']),
      )
      .insertInto('appointment_events')
      .columns(['appointment_id', ...TIMELINE_COLUMNS])
      .expression((eb) =>
        eb.selectFrom('moved').select(['moved.id', ...timelineValues(from, to, cause)]),
      )
      .returning(['appointment_id'])
      .executeTakeFirst(),
  );
  return moved !== undefined;
}

/**
 * Moves a confirmed appointment to another time (and maybe another doctor) in one statement, with
 * its timeline row: the no-overlap constraint decides a race (SlotTakenError), so the old time is
 * free and the new one taken in the same instant. `countMove` adds one to the patient's moves.
 * Returns false when the appointment is no longer confirmed.
 */
export async function moveAppointment(
  trx: Transaction<Database>,
  move: {
    appointmentId: string;
    doctorId: string;
    startsAt: Date;
    endsAt: Date;
    countMove: boolean;
  },
  cause: TransitionCause,
): Promise<boolean> {
  const moved = await withDbErrors(() =>
    trx
      .with('moved', (db) =>
        db
          .updateTable('appointments')
          .set((eb) => ({
            doctor_id: move.doctorId,
            starts_at: move.startsAt,
            ends_at: move.endsAt,
            reschedule_count: move.countMove
              ? eb('reschedule_count', '+', 1)
              : eb.ref('reschedule_count'),
            updated_at: cause.at,
          }))
          .where('id', '=', move.appointmentId)
          .where('status', '=', 'confirmed')
          .returning(['id']),
      )
      .insertInto('appointment_events')
      .columns(['appointment_id', ...TIMELINE_COLUMNS])
      .expression((eb) =>
        eb
          .selectFrom('moved')
          .select(['moved.id', ...timelineValues(['confirmed'] as const, 'confirmed', cause)]),
      )
      .returning(['appointment_id'])
      .executeTakeFirst(),
  );
  return moved !== undefined;
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

/** The payment's counterpart of transitionAppointment: compare-and-set plus a timeline row, one statement. */
export async function transitionPayment(
  trx: Transaction<Database>,
  paymentId: string,
  from: readonly PaymentStatus[],
  to: PaymentStatus,
  cause: TransitionCause,
  changes: PaymentChanges = {},
): Promise<boolean> {
  const moved = await trx
    .with('moved', (db) =>
      db
        .updateTable('payments')
        .set({ status: to, updated_at: cause.at, ...changes })
        .where('id', '=', paymentId)
        .where('status', '=', anyOf(from))
        .returning(['id']),
    )
    .insertInto('payment_events')
    .columns(['payment_id', ...TIMELINE_COLUMNS, 'stripe_event_id'])
    .expression((eb) =>
      eb
        .selectFrom('moved')
        .select([
          'moved.id',
          ...timelineValues(from, to, cause),
          sql<string | null>`${cause.stripeEventId ?? null}::text`.as('stripe_event_id'),
        ]),
    )
    .returning(['payment_id'])
    .executeTakeFirst();
  return moved !== undefined;
}

/** The timeline columns both tables share, in the order timelineValues gives them. */
const TIMELINE_COLUMNS = ['from_status', 'to_status', 'source', 'reason', 'details', 'at'] as const;

/**
 * A timeline row's values for INSERT … SELECT, each cast: PostgreSQL does not infer a parameter's
 * type from the target column there as it does for VALUES. With several possible `from` states the
 * previous one is not known: it is null and the set goes into the details.
 */
function timelineValues<S extends string>(from: readonly S[], to: S, cause: TransitionCause) {
  const previous = from.length === 1 ? from[0]! : null;
  const details = { ...cause.details, ...(previous ? {} : { from: [...from] }) };
  return [
    sql<S | null>`${previous}::text`.as('from_status'),
    sql<S>`${to}::text`.as('to_status'),
    sql<string>`${cause.source}::text`.as('source'),
    sql<string | null>`${cause.reason ?? null}::text`.as('reason'),
    sql<string>`${JSON.stringify(details)}::jsonb`.as('details'),
    sql<Date>`${cause.at}::timestamptz`.as('at'),
  ] as const;
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
