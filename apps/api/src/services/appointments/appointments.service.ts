import type { ListAppointmentsInput } from '@clinicpay/contracts';
import {
  findAppointmentPolicy,
  findAppointmentEvents,
  findPaymentEvents,
  findPaymentsOfAppointment,
  listAppointmentsPage,
  type AppointmentFilter,
  type AppointmentRow,
} from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { readKeysetPage } from '../paging/keyset-page.js';
import { classifySearch } from '../transactions/transaction-filters.js';
import { policyRefundOf } from '../cancellation/policy-refund.js';
import { inTimeOrder, stateChange } from '../timeline/state-change.js';

/** A page of appointments by start time; keyset paging as for transactions. */
export async function listAppointments(ctx: AppDeps, input: ListAppointmentsInput) {
  const { cursor, limit, ...question } = input;
  return readKeysetPage(
    ctx.secretBox,
    { scope: 'appointments', cursor, limit, question },
    (after, limit) =>
      listAppointmentsPage(ctx.db, {
        filter: {
          from: input.from ? new Date(input.from) : undefined,
          to: input.to ? new Date(input.to) : undefined,
          doctorId: input.doctorId,
          statuses: input.status,
          patient: input.patient ? patientSearch(input.patient) : undefined,
        },
        direction: input.direction,
        after: after ? { value: String(after.value), id: after.id } : undefined,
        limit,
      }),
    (last) => last.starts_at_key,
    appointmentView,
  );
}

/** As the transactions search; a Stripe id means nothing here, so it is looked for as text. */
function patientSearch(text: string): AppointmentFilter['patient'] {
  const search = classifySearch(text);
  return search.kind === 'reference' || search.kind === 'email' || search.kind === 'text'
    ? search
    : { kind: 'text', value: text.trim() };
}

function appointmentView(row: AppointmentRow) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    paymentMethod: row.payment_method,
    cancelReason: row.cancel_reason,
    patient: { name: row.patient_name, email: row.patient_email, phone: row.patient_phone },
    serviceName: row.service_name,
    serviceId: row.service_id,
    doctor: { id: row.doctor_id, name: row.doctor_name },
    payment: row.payment_id
      ? {
          id: row.payment_id,
          status: row.payment_status!,
          gateway: row.payment_gateway!,
          amount: { amount: row.payment_amount!, currency: row.payment_currency! },
          amountRefunded: row.payment_amount_refunded ?? 0,
        }
      : null,
  };
}

/**
 * One appointment with its payments, a timeline of both, and which actions apply now, so the
 * SPA shows only the buttons that would succeed.
 */
export async function getAppointment(ctx: AppDeps, appointmentId: string) {
  const [row] = await listAppointmentsPage(ctx.db, {
    filter: { id: appointmentId },
    direction: 'asc',
    limit: 1,
  });
  if (!row) throw new AppError('appointment_not_found', 'This appointment does not exist.');
  const payments = await findPaymentsOfAppointment(ctx.db, row.id);
  const [storedPolicy, appointmentEvents, ...paymentEvents] = await Promise.all([
    findAppointmentPolicy(ctx.db, row.id),
    findAppointmentEvents(ctx.db, row.id),
    ...payments.map((p) => findPaymentEvents(ctx.db, p.id)),
  ]);
  const loose = (value: unknown) => value as Record<string, unknown>;
  const timeline = inTimeOrder([
    ...appointmentEvents.map((e) => ({
      ...stateChange('appointment', e),
      details: loose(e.details),
    })),
    ...paymentEvents
      .flat()
      .map((e) => ({ ...stateChange('payment', e), details: loose(e.details) })),
  ]);
  const now = ctx.clock.now();
  const latest = payments[0];
  return {
    ...appointmentView(row),
    payments: payments.map((p) => ({
      id: p.id,
      status: p.status,
      gateway: p.gateway,
      mode: p.mode,
      amount: { amount: p.amount, currency: p.currency },
      amountRefunded: p.amount_refunded,
      createdAt: p.created_at.toISOString(),
    })),
    timeline,
    /** What cancelling now would refund under the booking's policy (for a card payment that took money). */
    policyRefund:
      latest &&
      latest.gateway === 'stripe' &&
      (latest.status === 'completed' || latest.status === 'partially_refunded')
        ? policyRefundOf(storedPolicy, latest, row.starts_at, now)
        : null,
    actions: {
      cancel: ['pending_payment', 'confirmed', 'arrived'].includes(row.status),
      move: row.status === 'confirmed',
      markPaidAtClinic: latest?.gateway === 'pay_at_clinic' && latest.status === 'due_at_clinic',
      markNoShow: ['confirmed', 'arrived'].includes(row.status) && row.starts_at <= now,
    },
  };
}
