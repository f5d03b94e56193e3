import { formatMoney } from '@clinicpay/contracts';
import { listColumnHelper } from '../components/list-columns.js';
import { RowLink } from '../components/row-link.js';
import { PaymentStatusBadge } from '../components/status-badges.js';
import { formatDateTime } from '../format/clinic-time.js';
import { gatewayLabel } from '../format/status-labels.js';
import type { Outputs } from '../trpc.js';

export type TransactionRow = Outputs['transactions']['list']['rows'][number];

const helper = listColumnHelper<TransactionRow>();

/**
 * The columns, in the clinic's zone. Only date and amount sort (the API's two keyset orders); the
 * column ids are the API's sort names, so the table's sorting maps straight onto the request.
 */
export function transactionColumns(timeZone: string) {
  return helper.columns([
    helper.accessor('createdAt', {
      id: 'created_at',
      header: 'Date',
      meta: { hideBelow: 'sm', skeleton: 'w-28' },
      cell: (info) => (
        <span className="whitespace-nowrap">{formatDateTime(info.getValue(), timeZone)}</span>
      ),
    }),
    helper.display({
      id: 'patient',
      header: 'Patient',
      meta: { skeleton: 'w-36' },
      cell: ({ row }) => (
        <span className="grid">
          <RowLink
            id={row.original.id}
            // The reference tells two payments of one patient apart for screen-reader users.
            label={`${row.original.patient.name}, ${row.original.appointment.reference}`}
          >
            {row.original.patient.name}
          </RowLink>
          <span className="hidden text-xs text-slate-600 sm:block">
            {row.original.patient.email}
          </span>
          {/* On a phone the date column is left out; the date goes under the name. */}
          <span className="text-xs text-slate-600 sm:hidden">
            {formatDateTime(row.original.createdAt, timeZone)}
          </span>
        </span>
      ),
    }),
    helper.display({
      id: 'booking',
      header: 'Booking',
      meta: { hideBelow: 'lg', skeleton: 'w-24' },
      cell: ({ row }) => (
        <span className="grid">
          <span className="font-mono text-xs text-slate-900">
            {row.original.appointment.reference}
          </span>
          <span className="text-xs text-slate-600">{row.original.serviceName}</span>
        </span>
      ),
    }),
    helper.display({
      id: 'method',
      header: 'Method',
      meta: { hideBelow: 'lg', skeleton: 'w-24' },
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {gatewayLabel(row.original.gateway, row.original.mode)}
        </span>
      ),
    }),
    helper.display({
      id: 'status',
      header: 'Status',
      meta: { skeleton: 'w-20' },
      cell: ({ row }) => (
        <PaymentStatusBadge
          status={row.original.status}
          disputeStatus={row.original.disputeStatus}
        />
      ),
    }),
    helper.accessor((row) => row.amount.amount, {
      id: 'amount',
      header: 'Amount',
      meta: { align: 'right', skeleton: 'w-16' },
      cell: ({ row }) => <AmountCell row={row.original} />,
    }),
  ]);
}

function AmountCell({ row }: { row: TransactionRow }) {
  return (
    <span className="grid justify-items-end whitespace-nowrap tabular-nums">
      <span className="font-semibold text-slate-900">{formatMoney(row.amount)}</span>
      {row.amountRefunded > 0 ? (
        <span className="text-xs text-violet-800">
          {formatMoney({ amount: row.amountRefunded, currency: row.amount.currency })} refunded
        </span>
      ) : null}
    </span>
  );
}
