import { formatMoney } from '@clinicpay/contracts';
import { Card, DetailList, Notice } from '@clinicpay/ui';
import { PaymentStatusBadge, AppointmentStatusBadge } from '../components/status-badges.js';
import { Timeline } from '../components/timeline.js';
import { formatDateTime } from '../format/clinic-time.js';
import {
  disputeStatusLabel,
  flaggedReasonSentence,
  gatewayLabel,
} from '../format/status-labels.js';
import type { Outputs } from '../trpc.js';
import { RefundPanel } from './refund-panel.js';
import { RefundsList } from './refunds-list.js';
import { useCan } from '../session/use-can.js';

export type Transaction = Outputs['transactions']['get'];

/** The transaction's sections: payment, booking, Stripe, refunds, refund action, timeline. */
export function TransactionDetails({
  transaction: t,
  timeZone,
}: {
  transaction: Transaction;
  timeZone: string;
}) {
  const money = (amount: number) => formatMoney({ amount, currency: t.amount.currency });
  const can = useCan();
  return (
    <>
      {t.dispute ? (
        <Notice tone="error" title="Disputed by the card holder">
          The dispute is {disputeStatusLabel(t.dispute.status)}. Answer it in Stripe's Dashboard.
        </Notice>
      ) : null}
      {t.flaggedReason ? (
        <Notice tone="warning" title="Flagged for your attention">
          {flaggedReasonSentence(t.flaggedReason)}
        </Notice>
      ) : null}
      <Section title="Payment">
        <DetailList
          items={[
            {
              label: 'Status',
              value: (
                <PaymentStatusBadge status={t.status} disputeStatus={t.dispute?.status ?? null} />
              ),
            },
            {
              label: 'Amount',
              value: <span className="font-semibold tabular-nums">{money(t.amount.amount)}</span>,
            },
            ...(t.amountRefunded > 0
              ? [
                  {
                    label: 'Refunded',
                    value: <span className="tabular-nums">{money(t.amountRefunded)}</span>,
                  },
                ]
              : []),
            { label: 'Method', value: gatewayLabel(t.gateway, t.mode) },
            { label: 'Created', value: formatDateTime(t.createdAt, timeZone) },
            ...(t.completedAt
              ? [{ label: 'Paid', value: formatDateTime(t.completedAt, timeZone) }]
              : []),
            ...(t.failure
              ? [
                  {
                    label: 'Failure',
                    value: `${t.failure.message ?? ''}${t.failure.code ? ` (${t.failure.code})` : ''}`,
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Section title="Booking">
        <DetailList
          items={[
            {
              label: 'Reference',
              value: <span className="font-mono">{t.appointment.reference}</span>,
            },
            { label: 'Status', value: <AppointmentStatusBadge status={t.appointment.status} /> },
            { label: 'Time', value: formatDateTime(t.appointment.startsAt, timeZone) },
            { label: 'Service', value: t.appointment.serviceName },
            { label: 'Doctor', value: t.appointment.doctorName },
            { label: 'Patient', value: <PatientValue patient={t.patient} /> },
          ]}
        />
      </Section>
      {t.gateway === 'stripe' ? (
        <Section title="Stripe">
          <DetailList
            items={[
              ...(t.stripe.paymentIntentId
                ? [{ label: 'Payment intent', value: <Code>{t.stripe.paymentIntentId}</Code> }]
                : []),
              ...(t.stripe.chargeId
                ? [{ label: 'Charge', value: <Code>{t.stripe.chargeId}</Code> }]
                : []),
              ...(t.stripe.checkoutSessionId
                ? [{ label: 'Checkout session', value: <Code>{t.stripe.checkoutSessionId}</Code> }]
                : []),
            ]}
          />
          {t.stripe.dashboardUrl ? (
            <a
              href={t.stripe.dashboardUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="mt-3 inline-block font-semibold text-brand-800 underline underline-offset-2"
            >
              Open in Stripe's Dashboard<span className="sr-only"> (opens in a new tab)</span> ↗
            </a>
          ) : (
            <p className="mt-3 text-sm text-slate-600">
              Stripe's Dashboard has this payment once the patient has started paying.
            </p>
          )}
        </Section>
      ) : null}
      {t.refunds.length > 0 ? (
        <Section title="Refunds">
          <RefundsList refunds={t.refunds} timeZone={timeZone} />
        </Section>
      ) : null}
      {t.refundable > 0 && can('refunds.issue') ? (
        <Section title="Refund">
          <RefundPanel transaction={t} />
        </Section>
      ) : null}
      <Section title="Timeline">
        <Timeline entries={t.timeline} timeZone={timeZone} />
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="p-4">
      <h3 className="mb-3 text-base font-semibold text-slate-900">{title}</h3>
      {children}
    </Card>
  );
}

function Code({ children }: { children: React.ReactNode }) {
  return <code className="font-mono text-xs break-all">{children}</code>;
}

function PatientValue({ patient }: { patient: Transaction['patient'] }) {
  return (
    <span className="grid">
      <span>{patient.name}</span>
      <a href={`mailto:${patient.email}`} className="text-brand-800 underline underline-offset-2">
        {patient.email}
      </a>
      <span>{patient.phone}</span>
    </span>
  );
}
