import {
  lockAppointment,
  lockPayment,
  transitionAppointment,
  transitionPayment,
} from '@clinicpay/db';
import { queueCancelledMail } from '../mail/queue-mail.js';
import type { Cause, Tx } from './fulfilment-types.js';

/**
 * Gives a held time back: the appointment Cancelled with `reason`, its pending payment `to`.
 * Compare-and-set, so a hold that was paid or released meanwhile is left alone (returns false).
 * Locks in the order every writer uses, payment before appointment, so a webhook applying to the
 * same booking at the same moment waits instead of deadlocking.
 */
export async function releaseHold(
  trx: Tx,
  hold: { appointmentId: string; paymentId: string | null },
  reason: string,
  paymentTo: 'expired' | 'failed',
  cause: Cause,
): Promise<boolean> {
  if (hold.paymentId) await lockPayment(trx, { paymentId: hold.paymentId });
  // A cancel someone asked for, still closing at Stripe, keeps their reason over a lapse's.
  const appointment = await lockAppointment(trx, hold.appointmentId);
  const why = appointment.cancel_requested_reason ?? reason;
  const released = await transitionAppointment(
    trx,
    hold.appointmentId,
    ['pending_payment'],
    'cancelled',
    { ...cause, reason: why },
    { cancel_reason: why },
  );
  if (released && hold.paymentId)
    await transitionPayment(trx, hold.paymentId, ['pending'], paymentTo, { ...cause, reason: why });
  if (released) {
    const cancelled = { appointmentId: hold.appointmentId, reason: why, wasConfirmed: false };
    await queueCancelledMail(trx, cancelled, cause.at);
  }
  return released;
}
