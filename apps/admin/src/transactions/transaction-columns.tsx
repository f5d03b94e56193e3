import { formatMoney } from '@clinicpay/contracts';
import {
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { Link } from 'react-router';
import { PaymentStatusBadge } from '../components/status-badges.js';
import { formatDateTime } from '../format/clinic-time.js';
import { gatewayLabel } from '../format/status-labels.js';
import type { Outputs } from '../trpc.js';

export type TransactionRow = Outputs['transactions']['list']['rows'][number];

/** Per-column presentation: alignment, and columns a phone leaves out (the detail panel has them). */
export interface ColumnMeta {
  align?: 'right';
  /** Left out below this width; the patient cell or the detail panel carries it there. */
  hideBelow?: 'sm' | 'lg';
}

export const transactionFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<ColumnMeta>(),
});

const helper = createColumnHelper<typeof transactionFeatures, TransactionRow>();

/** What the cells need beyond the row: the clinic's zone, and the list's address to come back to. */
export interface CellContext {
  timeZone: string;
  /** The list's search string, kept on the detail link so closing it restores the filters. */
  search: string;
}

/**
 * The columns. Only date and amount sort (the API's two keyset orders); the column ids are the
 * API's sort names, so the table's sorting state maps straight onto the request.
 */
export function transactionColumns({ timeZone, search }: CellContext) {
  return helper.columns([
    helper.accessor('createdAt', {
      id: 'created_at',
      header: 'Date',
      meta: { hideBelow: 'sm' },
      cell: (info) => (
        <span className="whitespace-nowrap">{formatDateTime(info.getValue(), timeZone)}</span>
      ),
    }),
    helper.display({
      id: 'patient',
      header: 'Patient',
      cell: ({ row }) => (
        <span className="grid">
          <Link
            to={{ pathname: row.original.id, search }}
            // The reference tells two payments of one patient apart for screen-reader users.
            aria-label={`${row.original.patient.name}, ${row.original.appointment.reference}`}
            className="font-semibold text-brand-800 underline decoration-brand-800/30 underline-offset-2 hover:decoration-brand-800"
          >
            {row.original.patient.name}
          </Link>
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
      meta: { hideBelow: 'lg' },
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
      meta: { hideBelow: 'lg' },
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {gatewayLabel(row.original.gateway, row.original.mode)}
        </span>
      ),
    }),
    helper.display({
      id: 'status',
      header: 'Status',
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
      meta: { align: 'right' },
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
