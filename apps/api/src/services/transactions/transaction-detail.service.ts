import {
  findAppointmentEvents,
  findPaymentEvents,
  findRefundsOfPayment,
  findTransaction,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { stripeDashboardUrl } from './transaction-view.js';
import { inTimeOrder, stateChange } from '../timeline/state-change.js';

const REFUNDABLE = new Set(['completed', 'partially_refunded']);

/**
 * One transaction: the payment, its booking and patient, its refunds, a timeline merging the
 * payment's and the appointment's state changes (with disputes and refund requests), what is
 * left to refund, and where it is in Stripe's Dashboard.
 */
export async function getTransaction(ctx: AppDeps, paymentId: string) {
  const payment = await findTransaction(ctx.db, paymentId);
  if (!payment) throw new AppError('payment_not_found', 'This transaction does not exist.');
  const [paymentEvents, appointmentEvents, refunds] = await Promise.all([
    findPaymentEvents(ctx.db, payment.id),
    findAppointmentEvents(ctx.db, payment.appointment_id),
    findRefundsOfPayment(ctx.db, payment.id),
  ]);
  const pending = refunds
    .filter((r) => r.status === 'pending' || r.status === 'requires_action')
    .reduce((sum, r) => sum + r.amount, 0);
  // Details are free-form JSON; typed loosely so clients' inferred types stay shallow.
  const details = (value: unknown) => value as Record<string, unknown>;
  const timeline = inTimeOrder([
    ...paymentEvents.map((e) => ({
      ...stateChange('payment', e),
      stripeEventId: e.stripe_event_id,
      details: details(e.details),
    })),
    ...appointmentEvents.map((e) => ({
      ...stateChange('appointment', e),
      stripeEventId: null,
      details: details(e.details),
    })),
  ]);

  return {
    id: payment.id,
    status: payment.status,
    gateway: payment.gateway,
    mode: payment.mode,
    amount: { amount: payment.amount, currency: payment.currency },
    amountRefunded: payment.amount_refunded,
    refundable:
      payment.gateway === 'stripe' && REFUNDABLE.has(payment.status)
        ? Math.max(0, payment.amount - payment.amount_refunded - pending)
        : 0,
    stripe: {
      checkoutSessionId: payment.checkout_session_id,
      paymentIntentId: payment.payment_intent_id,
      chargeId: payment.charge_id,
      dashboardUrl: stripeDashboardUrl(payment),
    },
    failure:
      payment.failure_code || payment.failure_message
        ? { code: payment.failure_code, message: payment.failure_message }
        : null,
    dispute: payment.dispute_status ? { status: payment.dispute_status } : null,
    flaggedReason: payment.flagged_reason,
    createdAt: payment.created_at.toISOString(),
    completedAt: payment.completed_at?.toISOString() ?? null,
    appointment: {
      id: payment.appointment_id,
      reference: payment.reference,
      status: payment.appointment_status,
      startsAt: payment.starts_at.toISOString(),
      endsAt: payment.ends_at.toISOString(),
      cancelReason: payment.cancel_reason,
      serviceName: payment.service_name,
      doctorName: payment.doctor_name,
    },
    patient: {
      name: payment.patient_name,
      email: payment.patient_email,
      phone: payment.patient_phone,
    },
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      currency: r.currency,
      status: r.status,
      stripeRefundId: r.stripe_refund_id,
      reason: r.reason,
      requestedBy: r.requested_by,
      failureReason: r.failure_reason,
      createdAt: r.created_at.toISOString(),
    })),
    timeline,
  };
}
