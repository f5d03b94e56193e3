import {
  lockAppointment,
  lockPayment,
  moveAppointment,
  SlotTakenError,
  type Database,
  type Kysely,
  type TransitionCause,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import { queueRescheduledMail } from '../mail/queue-mail.js';
import { releaseLapsedHolds } from './booking-writes.js';
import { assertStillOffered, NoLongerOfferedError } from './still-bookable.js';

export interface PlannedMove {
  appointmentId: string;
  paymentId: string | null;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  now: Date;
  /** The patient's moves count against the policy's limit; the clinic's do not. */
  countMove: boolean;
  cause: Omit<TransitionCause, 'details'> & { details?: Record<string, string> };
  /** Checks the locked appointment (status, the policy's limits); throws an AppError to refuse. */
  guard: (locked: { status: string; starts_at: Date; reschedule_count: number }) => void;
}

/**
 * Moves a confirmed appointment to the first candidate doctor free at the new time. Each try is one
 * transaction: the doctor's row share-locked and the time checked as it is now (as a booking
 * does), then payment and appointment locked (every writer's order), then one UPDATE under the
 * no-overlap constraint, which decides every race: a time taken meanwhile is refused and nothing
 * changes. The payment is not touched: it carries over. The rescheduled mail and the new time's
 * reminder are written in the same transaction.
 */
export async function moveToFirstFreeDoctor(
  db: Kysely<Database>,
  doctorIds: readonly string[],
  plan: PlannedMove,
): Promise<{ doctorId: string; previousStartsAt: Date }> {
  let noLongerOffered = false;
  for (const doctorId of doctorIds) {
    try {
      return await moveOnce(db, doctorId, plan);
    } catch (error) {
      if (error instanceof SlotTakenError) continue;
      if (error instanceof NoLongerOfferedError) {
        noLongerOffered = true;
        continue;
      }
      throw error;
    }
  }
  if (noLongerOffered && doctorIds.length === 1)
    throw new AppError(
      'slot_unavailable',
      "The clinic has just changed this doctor's schedule, so this time is no longer offered; please pick one of the times shown.",
    );
  throw new AppError('slot_taken', MOVE_TAKEN);
}

export const MOVE_TAKEN =
  'This time was just taken, so your booking was not moved; please pick another.';

/** The new time's checks, with a taken time told as a move's refusal (nothing was changed). */
export async function checkedMove<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof AppError && error.code === 'slot_taken')
      throw new AppError('slot_taken', MOVE_TAKEN, { cause: error });
    throw error;
  }
}

async function moveOnce(db: Kysely<Database>, doctorId: string, plan: PlannedMove) {
  return db.transaction().execute(async (trx) => {
    await assertStillOffered(trx, { ...plan, doctorId });
    if (plan.paymentId) await lockPayment(trx, { paymentId: plan.paymentId });
    const before = await lockAppointment(trx, plan.appointmentId);
    plan.guard(before);
    await releaseLapsedHolds(trx, { ...plan, doctorId });
    const moved = await moveAppointment(
      trx,
      { ...plan, doctorId },
      {
        ...plan.cause,
        reason: plan.cause.reason ?? 'rescheduled',
        details: {
          ...plan.cause.details,
          previous_starts_at: before.starts_at.toISOString(),
          previous_doctor_id: before.doctor_id,
          starts_at: plan.startsAt.toISOString(),
          doctor_id: doctorId,
        },
      },
    );
    if (!moved) throw new AppError('booking_not_movable', 'Only a confirmed booking can be moved.');
    const mail = { appointmentId: plan.appointmentId, previousStartsAt: before.starts_at };
    await queueRescheduledMail(trx, mail, plan.now);
    return { doctorId, previousStartsAt: before.starts_at };
  });
}
