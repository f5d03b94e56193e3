import {
  findLatestPaymentOf,
  lockAppointment,
  markCancelRequested,
  lockPayment,
  recordPaymentEvent,
  transitionAppointment,
  transitionPayment,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { CancelAppointmentInput, CancelRefund } from '@clinicpay/contracts';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { getAppointment } from '../appointments/appointments.service.js';
import { audit } from '../audit/record-audit.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { queueCancelledMail } from '../mail/queue-mail.js';
import { policyRefundOf } from './policy-refund.js';
import { reserveRefund, sendRefund, type RefundOutcome } from '../refunds/refund.service.js';

/** The admin's cancel, as the admin SPA asks for it: recorded in the audit log, answered with the appointment. */
export async function cancelFromAdmin(ctx: AdminDeps, input: CancelAppointmentInput) {
  const { refund } = await cancelAppointmentByAdmin(ctx, {
    ...input,
    reason: input.reason || undefined,
    actor: ctx.admin.actor,
  });
  await audit(ctx, ctx.admin, 'appointment.cancelled', `appointment:${input.appointmentId}`, {
    refund: input.refund,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(refund
      ? { refundId: refund.refundId, refundStatus: refund.status, amount: refund.amount }
      : {}),
  });
  return { refund, appointment: await getAppointment(ctx, input.appointmentId) };
}

export interface AdminCancelInput {
  appointmentId: string;
  /** What happens to a card payment: all of what is left back, the policy's share, or kept (with a reason). */
  refund: CancelRefund;
  reason?: string | undefined;
  actor: string;
}

const CANCELLABLE = ['pending_payment', 'confirmed', 'arrived'] as const;
const CANCEL_REASON = 'cancelled_by_clinic';

/**
 * The clinic cancels a booking. An open checkout is expired first, outside any transaction, after
 * the booking records that the clinic asked to cancel (the checkout.session.expired that follows
 * then cancels it with the clinic's reason, if it comes first). Then the cancel and its refund are
 * decided on the locked rows and committed together, so a refund can never be lost between them
 * (a reserved refund Stripe did not get yet is sent by the sweeper). Money paid by card is kept
 * only with a recorded reason.
 */
export async function cancelAppointmentByAdmin(
  deps: AppDeps,
  input: AdminCancelInput,
): Promise<{ refund: RefundOutcome | null }> {
  const reason = input.reason?.trim() || null;
  const payment = await findLatestPaymentOf(deps.db, input.appointmentId);
  if (payment?.status === 'pending' && payment.checkout_session_id && payment.mode) {
    await deps.db.transaction().execute(async (trx) => {
      await lockPayment(trx, { paymentId: payment.id });
      const held = await lockAppointment(trx, input.appointmentId);
      if (held.status === 'pending_payment')
        await markCancelRequested(trx, held.id, CANCEL_REASON, deps.clock.now());
    });
    await expireOpenCheckout(deps, payment.checkout_session_id, payment.mode);
  }

  const at = deps.clock.now();
  const reserved = await deps.db.transaction().execute(async (trx) => {
    // Payment before appointment: the lock order of every writer (see release-hold.ts).
    const locked = payment ? await lockPayment(trx, { paymentId: payment.id }) : undefined;
    const appointment = await lockAppointment(trx, input.appointmentId).catch(() => null);
    if (!appointment)
      throw new AppError('appointment_not_found', 'This appointment does not exist.');
    // The expiry asked for above came back first and already cancelled it, for the clinic.
    if (appointment.status === 'cancelled' && appointment.cancel_requested_reason === CANCEL_REASON)
      return null;
    if (!(CANCELLABLE as readonly string[]).includes(appointment.status)) {
      throw new AppError(
        'transition_not_allowed',
        `This appointment is ${appointment.status.replaceAll('_', ' ')} and cannot be cancelled.`,
      );
    }
    const paidByCard = locked?.status === 'completed' || locked?.status === 'partially_refunded';
    if (paidByCard && input.refund === 'none' && !reason) {
      throw new AppError(
        'reason_required',
        'Give a reason for keeping the payment, or cancel with a refund.',
      );
    }
    const cause = {
      source: 'admin' as const,
      at,
      reason: reason ?? 'cancelled_by_clinic',
      details: { actor: input.actor },
    };
    await transitionAppointment(trx, appointment.id, CANCELLABLE, 'cancelled', cause, {
      cancel_reason: 'cancelled_by_clinic',
    });
    const mail = {
      appointmentId: appointment.id,
      reason: CANCEL_REASON,
      wasConfirmed: appointment.status !== 'pending_payment',
    };
    await queueCancelledMail(trx, mail, at);
    if (!locked) return null;
    // Nothing more will be paid for this booking, online or at the desk.
    if (locked.status === 'pending' || locked.status === 'due_at_clinic') {
      await transitionPayment(trx, locked.id, [locked.status], 'expired', cause);
    }
    if (!paidByCard) return null;
    // undefined: all that is left (reserveRefund's default).
    const amount =
      input.refund === 'full'
        ? undefined
        : input.refund === 'policy'
          ? policyRefundOf(appointment.cancellation_policy, locked, appointment.starts_at, at)
              .amount
          : 0;
    if (amount === 0) {
      await recordPaymentEvent(trx, locked.id, locked.status, locked.status, {
        ...cause,
        reason:
          input.refund === 'policy'
            ? 'kept_by_policy: no refund is due'
            : `kept_by_admin: ${reason}`,
      });
      return null;
    }
    return reserveRefund(
      trx,
      {
        paymentId: locked.id,
        amount,
        reason: reason ?? 'cancelled_by_clinic',
        requestedBy: input.actor,
        idempotencyKey: `cancel-refund:${appointment.id}`,
      },
      at,
    );
  });
  // Sent now; if Stripe cannot be reached, the refund stays pending and the sweeper sends it.
  return { refund: reserved ? await sendRefund(deps, reserved.refundId) : null };
}

async function expireOpenCheckout(
  deps: AppDeps,
  checkoutSessionId: string,
  mode: 'test' | 'live',
): Promise<void> {
  const settings = await loadStripeSettings(deps);
  const secretKey = settings?.keys[mode].secretKey;
  if (!secretKey) return;
  const expired = await deps.stripeGatewayFor(secretKey).expireCheckoutSession(checkoutSessionId);
  if (expired.outcome === 'already_complete') {
    throw new AppError(
      'transition_not_allowed',
      'The patient has just paid; reload the appointment and cancel it with a refund.',
    );
  }
}
