import { lockAppointment, lockPayment, recordPaymentEvent, transitionAppointment, transitionPayment } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../trpc.js';
import { loadStripeSettings } from '../payments/stripe-settings.js';
import { refundPayment, type RefundOutcome } from '../refunds/refund.service.js';

export interface AdminCancelInput {
  appointmentId: string;
  /** Refund what was paid by card; false keeps the money, which needs a reason. */
  refund: boolean;
  reason?: string | undefined;
  actor: string;
}

/**
 * The clinic cancels a booking. An open checkout is expired first; money paid by card is refunded,
 * or kept only with a recorded reason (no money is kept without a booking unless an admin says so).
 */
export async function cancelAppointmentByAdmin(deps: AppDeps, input: AdminCancelInput): Promise<{ refund: RefundOutcome | null }> {
  const reason = input.reason?.trim() || null;
  const current = await deps.db
    .selectFrom('appointments')
    .leftJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select(['appointments.id', 'appointments.status', 'payments.id as paymentId', 'payments.status as paymentStatus', 'payments.checkout_session_id', 'payments.mode'])
    .where('appointments.id', '=', input.appointmentId)
    .orderBy('payments.created_at', 'desc')
    .executeTakeFirst();
  if (!current) throw new AppError('appointment_not_found', 'This appointment does not exist.');
  if (!['pending_payment', 'confirmed', 'arrived'].includes(current.status)) {
    throw new AppError('transition_not_allowed', `This appointment is ${current.status.replaceAll('_', ' ')} and cannot be cancelled.`);
  }
  const paidByCard = current.paymentStatus === 'completed' || current.paymentStatus === 'partially_refunded';
  if (paidByCard && !input.refund && !reason) {
    throw new AppError('reason_required', 'Give a reason for keeping the payment, or cancel with a refund.');
  }

  if (current.checkout_session_id && current.paymentStatus === 'pending' && current.mode) {
    const settings = await loadStripeSettings(deps);
    const secretKey = settings?.keys[current.mode].secretKey;
    if (secretKey) {
      const expired = await deps.stripeGatewayFor(secretKey).expireCheckoutSession(current.checkout_session_id);
      if (expired.outcome === 'already_complete') {
        throw new AppError('transition_not_allowed', 'The patient has just paid; reload the appointment and cancel it with a refund.');
      }
    }
  }

  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Payment before appointment: the lock order of every writer (see release-hold.ts).
    if (current.paymentId) await lockPayment(trx, { paymentId: current.paymentId });
    const appointment = await lockAppointment(trx, input.appointmentId);
    const cause = { source: 'admin' as const, at, reason: reason ?? 'cancelled_by_clinic', details: { actor: input.actor } };
    const moved = await transitionAppointment(trx, appointment.id, [appointment.status], 'cancelled', cause, {
      cancel_reason: 'cancelled_by_clinic',
    });
    if (!moved) throw new AppError('transition_not_allowed', 'This appointment changed meanwhile; reload it and try again.');
    if (current.paymentId && current.paymentStatus === 'pending') {
      await transitionPayment(trx, current.paymentId, ['pending'], 'expired', cause);
    }
    if (current.paymentId && paidByCard && !input.refund) {
      await recordPaymentEvent(trx, current.paymentId, current.paymentStatus!, current.paymentStatus!, {
        ...cause,
        reason: `kept_by_admin: ${reason}`,
      });
    }
  });

  if (!(paidByCard && input.refund && current.paymentId)) return { refund: null };
  const refund = await refundPayment(deps, {
    paymentId: current.paymentId,
    reason: reason ?? 'cancelled_by_clinic',
    requestedBy: input.actor,
    idempotencyKey: `cancel-refund:${current.id}`,
  });
  return { refund };
}
