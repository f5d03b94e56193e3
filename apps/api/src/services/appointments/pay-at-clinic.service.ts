import {
  lockAppointment,
  lockPaymentOfAppointment,
  recordPaymentEvent,
  transitionAppointment,
  transitionPayment,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';

/** The patient paid at the desk: the payment moves from Due at clinic to Paid at clinic. */
export async function markPaidAtClinic(
  deps: AppDeps,
  input: { appointmentId: string; actor: string },
) {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const payment = await lockPaymentOfAppointment(trx, input.appointmentId, {
      gateway: 'pay_at_clinic',
    });
    if (!payment)
      throw new AppError('payment_not_found', 'This booking is not paid at the clinic.');
    const moved = await transitionPayment(trx, payment.id, ['due_at_clinic'], 'paid_at_clinic', {
      source: 'admin',
      at,
      reason: 'paid_at_clinic',
      details: { actor: input.actor },
    });
    if (!moved)
      throw new AppError(
        'transition_not_allowed',
        `This payment is ${payment.status.replaceAll('_', ' ')}, not due at the clinic.`,
      );
  });
}

/** The patient did not come: the appointment becomes a no-show; what is due stays due. */
export async function markNoShow(deps: AppDeps, input: { appointmentId: string; actor: string }) {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Payment before appointment: the lock order of every writer (see release-hold.ts).
    const due = await lockPaymentOfAppointment(trx, input.appointmentId, {
      status: 'due_at_clinic',
    });
    const appointment = await lockAppointment(trx, input.appointmentId).catch(() => null);
    if (!appointment)
      throw new AppError('appointment_not_found', 'This appointment does not exist.');
    if (appointment.starts_at > at)
      throw new AppError(
        'transition_not_allowed',
        'An appointment can be marked a no-show only once its time has come.',
      );
    const moved = await transitionAppointment(
      trx,
      appointment.id,
      ['confirmed', 'arrived'],
      'no_show',
      {
        source: 'admin',
        at,
        reason: 'no_show',
        details: { actor: input.actor },
      },
    );
    if (!moved)
      throw new AppError(
        'transition_not_allowed',
        `This appointment is ${appointment.status.replaceAll('_', ' ')}; only a confirmed one can be a no-show.`,
      );
    if (due)
      await recordPaymentEvent(trx, due.id, 'due_at_clinic', 'due_at_clinic', {
        source: 'admin',
        at,
        reason: 'no_show',
        details: { actor: input.actor },
      });
  });
}
