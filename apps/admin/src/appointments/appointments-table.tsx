import { formatMoney } from '@clinicpay/contracts';
import { Card, cx, EmptyState, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { Link } from 'react-router';
import { ariaSort, SortHeader } from '../components/sort-header.js';
import { AppointmentStatusBadge, PaymentStatusBadge } from '../components/status-badges.js';
import { formatDate, formatTime } from '../format/clinic-time.js';
import { gatewayLabel } from '../format/status-labels.js';
import type { Outputs } from '../trpc.js';

export type AppointmentRow = Outputs['appointments']['list']['rows'][number];

export interface AppointmentsTableProps {
  rows: AppointmentRow[] | undefined;
  direction: 'asc' | 'desc';
  onDirectionChange: (direction: 'asc' | 'desc') => void;
  timeZone: string;
  search: string;
  isRefreshing: boolean;
}

const cell = 'px-3 py-3 align-top first:pl-4 last:pr-4';

/** Appointments by time, with their booking and payment statuses; a patient's name opens the details. */
export function AppointmentsTable({
  rows,
  direction,
  onDirectionChange,
  timeZone,
  search,
  isRefreshing,
}: AppointmentsTableProps) {
  if (rows?.length === 0)
    return (
      <EmptyState title="No appointments match.">Try another day or clear a filter.</EmptyState>
    );
  const table = (
    <Card
      className={cx('relative overflow-x-auto', isRefreshing && 'opacity-70')}
      aria-busy={isRefreshing}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Appointments, {direction === 'asc' ? 'soonest first' : 'latest first'}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th
              scope="col"
              aria-sort={ariaSort(direction)}
              className={cx(cell, 'hidden sm:table-cell')}
            >
              <SortHeader
                sorted={direction}
                onSort={() => onDirectionChange(direction === 'asc' ? 'desc' : 'asc')}
              >
                Time
              </SortHeader>
            </th>
            <th scope="col" className={cx(cell, 'font-semibold')}>
              Patient
            </th>
            <th scope="col" className={cx(cell, 'hidden font-semibold lg:table-cell')}>
              Service
            </th>
            <th scope="col" className={cx(cell, 'font-semibold')}>
              Status
            </th>
            <th scope="col" className={cx(cell, 'hidden text-right font-semibold md:table-cell')}>
              Payment
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows
            ? rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <td className={cx(cell, 'hidden whitespace-nowrap sm:table-cell')}>
                    <span className="block font-medium text-slate-900">
                      {formatDate(row.startsAt, timeZone)}
                    </span>
                    <span className="text-slate-600">{formatTime(row.startsAt, timeZone)}</span>
                  </td>
                  <td className={cell}>
                    <Link
                      to={{ pathname: row.id, search }}
                      aria-label={`${row.patient.name}, ${row.reference}`}
                      className="font-semibold text-brand-800 underline decoration-brand-800/30 underline-offset-2 hover:decoration-brand-800"
                    >
                      {row.patient.name}
                    </Link>
                    <span className="block font-mono text-xs text-slate-600">{row.reference}</span>
                    {/* On a phone the time column is left out; the time goes under the name. */}
                    <span className="block text-xs text-slate-700 sm:hidden">
                      {formatDate(row.startsAt, timeZone)}, {formatTime(row.startsAt, timeZone)}
                    </span>
                  </td>
                  <td className={cx(cell, 'hidden lg:table-cell')}>
                    <span className="block text-slate-900">{row.serviceName}</span>
                    <span className="text-slate-600">{row.doctor.name}</span>
                  </td>
                  <td className={cell}>
                    <AppointmentStatusBadge status={row.status} />
                  </td>
                  <td className={cx(cell, 'hidden text-right md:table-cell')}>
                    {row.payment ? (
                      <span className="grid justify-items-end gap-1">
                        <span className="font-semibold tabular-nums">
                          {formatMoney(row.payment.amount)}
                        </span>
                        <PaymentStatusBadge status={row.payment.status} />
                        <span className="text-xs text-slate-600">
                          {gatewayLabel(row.payment.gateway, null)}
                        </span>
                      </span>
                    ) : (
                      <span className="text-slate-600">Free</span>
                    )}
                  </td>
                </tr>
              ))
            : [0, 1, 2, 3].map((i) => (
                <tr key={i}>
                  <td className={cx(cell, 'hidden sm:table-cell')}>
                    <Skeleton className="h-4 w-24" />
                  </td>
                  <td className={cell}>
                    <Skeleton className="h-4 w-32" />
                  </td>
                  <td className={cx(cell, 'hidden lg:table-cell')}>
                    <Skeleton className="h-4 w-28" />
                  </td>
                  <td className={cell}>
                    <Skeleton className="h-4 w-20" />
                  </td>
                  <td className={cx(cell, 'hidden md:table-cell')}>
                    <Skeleton className="ml-auto h-4 w-16" />
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
    </Card>
  );
  return rows ? table : <LoadingRegion label="Loading appointments…">{table}</LoadingRegion>;
}
