import { formatMoney, type CancelBookingInput } from '@clinicpay/contracts';
import {
  lockAppointment,
  lockPayment,
  transitionAppointment,
  transitionPayment,
  type BookingRow,
  type JsonObject,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { cancelRule } from '../booking/patient-actions.js';
import { queueCancelledMail } from '../mail/queue-mail.js';
import { policyOfBooking } from '../policies/policy-snapshot.js';
import { reserveRefund, sendRefund } from '../refunds/refund.service.js';

const REASON = 'cancelled_by_patient';

/**
 * The patient cancels a Confirmed booking under the policy stored with it. The status, the
 * released time and the refund's reservation commit together, decided on the locked rows (payment,
 * then appointment: every writer's order); the refund goes to Stripe after commit. Its idempotency
 * key is the admin's cancel's (`cancel-refund:<appointment>`), so a patient and an admin, or two
 * tabs, cancelling at once make one refund: the second finds the booking cancelled.
 */
export async function cancelConfirmedBooking(
  deps: AppDeps,
  booking: BookingRow,
  input: CancelBookingInput,
): Promise<void> {
  const at = deps.clock.now();
  const policy = policyOfBooking(booking.cancellation_policy, booking.clinic_currency);
  const reserved = await deps.db.transaction().execute(async (trx) => {
    const payment = booking.payment_id
      ? await lockPayment(trx, { paymentId: booking.payment_id })
      : undefined;
    const appointment = await lockAppointment(trx, booking.id);
    // Another tab, or the clinic, cancelled it a moment ago: one cancel, one refund.
    if (appointment.status === 'cancelled') return null;
    if (appointment.status !== 'confirmed')
      throw new AppError(
        'booking_not_cancellable',
        `This booking is ${appointment.status.replaceAll('_', ' ')}; please call the clinic to change it.`,
      );
    const rule = cancelRule(
      {
        ...booking,
        status: appointment.status,
        starts_at: appointment.starts_at,
        payment_status: payment?.status ?? null,
        amount: payment?.amount ?? null,
        amount_refunded: payment?.amount_refunded ?? null,
      },
      policy,
      at,
    );
    if (!rule.allowed) throw new AppError('booking_not_cancellable', rule.reason);
    const refund = rule.refund;
    if (refund && input.expectedRefund !== undefined && refund.amount !== input.expectedRefund) {
      const amount = formatMoney({ amount: refund.amount, currency: refund.currency });
      throw new AppError(
        'refund_changed',
        `The refund is now ${amount} under the clinic's policy, as the appointment is nearer; confirm again to cancel.`,
      );
    }
    const details: JsonObject = refund
      ? { refund_percent: refund.percent, refund_amount: refund.amount }
      : {};
    const cause = { source: 'patient' as const, at, reason: REASON, details };
    await transitionAppointment(trx, appointment.id, ['confirmed'], 'cancelled', cause, {
      cancel_reason: REASON,
    });
    await queueCancelledMail(
      trx,
      { appointmentId: appointment.id, reason: REASON, wasConfirmed: true },
      at,
    );
    // Nothing will be paid at the desk for a booking that will not happen.
    if (payment?.status === 'due_at_clinic')
      await transitionPayment(trx, payment.id, ['due_at_clinic'], 'expired', cause);
    if (!payment || !refund || refund.amount === 0) return null;
    return reserveRefund(
      trx,
      {
        paymentId: payment.id,
        amount: refund.amount,
        reason: 'requested_by_customer',
        requestedBy: 'patient',
        idempotencyKey: `cancel-refund:${appointment.id}`,
      },
      at,
    );
  });
  // Stripe unreachable: the refund stays pending and the sweeper sends it.
  if (reserved) await sendRefund(deps, reserved.refundId);
}
