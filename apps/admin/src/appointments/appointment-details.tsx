import { formatMoney } from '@clinicpay/contracts';
import { Card, DetailList } from '@clinicpay/ui';
import { useRef, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { AppointmentStatusBadge, PaymentStatusBadge } from '../components/status-badges.js';
import { Timeline } from '../components/timeline.js';
import { formatDateTime, formatTime } from '../format/clinic-time.js';
import { gatewayLabel } from '../format/status-labels.js';
import type { Outputs } from '../trpc.js';
import { AppointmentActions } from './appointment-actions.js';

export type Appointment = Outputs['appointments']['get'];

/** The booking, the patient, its payments (each linked to its transaction), actions, timeline. */
export function AppointmentDetails({
  appointment: a,
  timeZone,
}: {
  appointment: Appointment;
  timeZone: string;
}) {
  // After an action its button may be gone: focus goes to the section's heading, not the page's end.
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <Section title="Booking">
        <DetailList
          items={[
            { label: 'Status', value: <AppointmentStatusBadge status={a.status} /> },
            {
              label: 'Time',
              value: `${formatDateTime(a.startsAt, timeZone)} – ${formatTime(a.endsAt, timeZone)}`,
            },
            { label: 'Service', value: a.serviceName },
            { label: 'Doctor', value: a.doctor.name },
            { label: 'Reference', value: <span className="font-mono">{a.reference}</span> },
            ...(a.cancelReason
              ? [{ label: 'Cancelled because', value: a.cancelReason.replace(/_/g, ' ') }]
              : []),
          ]}
        />
      </Section>
      <Section title="Patient">
        <DetailList
          items={[
            { label: 'Name', value: a.patient.name },
            {
              label: 'Email',
              value: (
                <a
                  href={`mailto:${a.patient.email}`}
                  className="text-brand-800 underline underline-offset-2"
                >
                  {a.patient.email}
                </a>
              ),
            },
            {
              label: 'Phone',
              value: (
                <a
                  href={`tel:${a.patient.phone}`}
                  className="text-brand-800 underline underline-offset-2"
                >
                  {a.patient.phone}
                </a>
              ),
            },
          ]}
        />
      </Section>
      <Section title="Payments">
        {a.payments.length === 0 ? (
          <p className="text-sm text-slate-600">None: this service is free.</p>
        ) : (
          <ul className="grid gap-3 text-sm">
            {a.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <span className="font-semibold tabular-nums">{formatMoney(p.amount)}</span>
                <PaymentStatusBadge status={p.status} />
                <span className="text-slate-600">{gatewayLabel(p.gateway, p.mode)}</span>
                <Link
                  to={`/transactions/${p.id}`}
                  className="font-semibold text-brand-800 underline underline-offset-2"
                >
                  Open the transaction<span className="sr-only"> of {formatMoney(p.amount)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Actions" headingRef={actionsHeading}>
        <AppointmentActions appointment={a} onDone={() => actionsHeading.current?.focus()} />
      </Section>
      <Section title="Timeline">
        <Timeline entries={a.timeline} timeZone={timeZone} />
      </Section>
    </>
  );
}

function Section({
  title,
  children,
  headingRef,
}: {
  title: string;
  children: ReactNode;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <Card className="p-4">
      <h3
        ref={headingRef}
        tabIndex={headingRef ? -1 : undefined}
        className="mb-3 text-base font-semibold text-slate-900 outline-none"
      >
        {title}
      </h3>
      {children}
    </Card>
  );
}
