import { formatMoney } from '@clinicpay/contracts';
import { listColumnHelper } from '../components/list-columns.js';
import { RowLink } from '../components/row-link.js';
import { AppointmentStatusBadge, PaymentStatusBadge } from '../components/status-badges.js';
import { formatDate, formatTime } from '../format/clinic-time.js';
import { gatewayLabel } from '../format/status-labels.js';
import type { Outputs } from '../trpc.js';

export type AppointmentRow = Outputs['appointments']['list']['rows'][number];

const helper = listColumnHelper<AppointmentRow>();

/**
 * Appointments by time, with their booking and payment statuses; a patient's name opens the
 * details. Only the time sorts (the API's one keyset order), its id the API's column.
 */
export function appointmentColumns(timeZone: string) {
  return helper.columns([
    helper.accessor('startsAt', {
      id: 'starts_at',
      header: 'Time',
      meta: { hideBelow: 'sm', skeleton: 'w-24' },
      cell: ({ row }) => (
        <span className="block whitespace-nowrap">
          <span className="block font-medium text-slate-900">
            {formatDate(row.original.startsAt, timeZone)}
          </span>
          <span className="text-slate-600">{formatTime(row.original.startsAt, timeZone)}</span>
        </span>
      ),
    }),
    helper.display({
      id: 'patient',
      header: 'Patient',
      meta: { skeleton: 'w-32' },
      cell: ({ row: { original: row } }) => (
        <>
          <RowLink id={row.id} label={`${row.patient.name}, ${row.reference}`}>
            {row.patient.name}
          </RowLink>
          <span className="block font-mono text-xs text-slate-600">{row.reference}</span>
          {/* On a phone the time column is left out; the time goes under the name. */}
          <span className="block text-xs text-slate-700 sm:hidden">
            {formatDate(row.startsAt, timeZone)}, {formatTime(row.startsAt, timeZone)}
          </span>
        </>
      ),
    }),
    helper.display({
      id: 'service',
      header: 'Service',
      meta: { hideBelow: 'lg', skeleton: 'w-28' },
      cell: ({ row: { original: row } }) => (
        <>
          <span className="block text-slate-900">{row.serviceName}</span>
          <span className="text-slate-600">{row.doctor.name}</span>
        </>
      ),
    }),
    helper.display({
      id: 'status',
      header: 'Status',
      meta: { skeleton: 'w-20' },
      cell: ({ row }) => <AppointmentStatusBadge status={row.original.status} />,
    }),
    helper.display({
      id: 'payment',
      header: 'Payment',
      meta: { align: 'right', hideBelow: 'md', skeleton: 'w-16' },
      cell: ({ row: { original: row } }) =>
        row.payment ? (
          <span className="grid justify-items-end gap-1">
            <span className="font-semibold tabular-nums">{formatMoney(row.payment.amount)}</span>
            <PaymentStatusBadge status={row.payment.status} />
            <span className="text-xs text-slate-600">
              {gatewayLabel(row.payment.gateway, null)}
            </span>
          </span>
        ) : (
          <span className="text-slate-600">Free</span>
        ),
    }),
  ]);
}
