import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { Card, cx, EmptyState, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { Link } from 'react-router';
import { formatDateTime } from '../format/clinic-time.js';
import type { Outputs } from '../trpc.js';
import { outcomeLabel } from './webhook-query.js';
import { WebhookStateBadge } from './webhook-state-badge.js';

export type WebhookEventRow = Outputs['webhookEvents']['list']['rows'][number];

const cell = 'px-3 py-3 align-top first:pl-4 last:pr-4';

/** Stripe's deliveries, newest first: when, what, which mode, how it went, how many tries. */
export function WebhookEventsTable({
  rows,
  timeZone,
  search,
  isRefreshing,
}: {
  rows: WebhookEventRow[] | undefined;
  timeZone: string;
  search: string;
  isRefreshing: boolean;
}) {
  if (rows?.length === 0) {
    return (
      <EmptyState title="No webhook events yet.">
        Events appear once Stripe sends them to the Webhook URL shown in Payment Settings › Stripe.
      </EmptyState>
    );
  }
  const table = (
    <Card
      className={cx('relative overflow-x-auto', isRefreshing && 'opacity-70')}
      aria-busy={isRefreshing}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Webhook events, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={cell}>
              Received
            </th>
            <th scope="col" className={cell}>
              Event
            </th>
            <th scope="col" className={cx(cell, 'hidden md:table-cell')}>
              Mode
            </th>
            <th scope="col" className={cell}>
              Outcome
            </th>
            <th scope="col" className={cx(cell, 'hidden text-right md:table-cell')}>
              Attempts
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows
            ? rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <td className={cx(cell, 'whitespace-nowrap')}>
                    {formatDateTime(row.receivedAt, timeZone)}
                  </td>
                  <td className={cell}>
                    <Link
                      to={{ pathname: row.id, search }}
                      className="font-mono text-xs font-semibold break-all text-brand-800 underline underline-offset-2"
                    >
                      {row.type}
                    </Link>
                    <span className="block font-mono text-xs break-all text-slate-600">
                      {row.id}
                    </span>
                  </td>
                  <td className={cx(cell, 'hidden md:table-cell')}>
                    {STRIPE_MODE_LABELS[row.mode]}
                  </td>
                  <td className={cell}>
                    <WebhookStateBadge state={row.state} />
                    {row.outcome ? (
                      <span className="mt-1 block text-xs text-slate-600">
                        {outcomeLabel(row.outcome)}
                      </span>
                    ) : null}
                    {row.error ? (
                      <span className="mt-1 block text-xs text-red-800">{row.error}</span>
                    ) : null}
                  </td>
                  <td className={cx(cell, 'hidden text-right tabular-nums md:table-cell')}>
                    {row.attempts}
                  </td>
                </tr>
              ))
            : [0, 1, 2].map((i) => (
                <tr key={i}>
                  <td className={cell}>
                    <Skeleton className="h-4 w-28" />
                  </td>
                  <td className={cell}>
                    <Skeleton className="h-4 w-40" />
                  </td>
                  <td className={cx(cell, 'hidden md:table-cell')}>
                    <Skeleton className="h-4 w-16" />
                  </td>
                  <td className={cell}>
                    <Skeleton className="h-4 w-20" />
                  </td>
                  <td className={cx(cell, 'hidden md:table-cell')}>
                    <Skeleton className="ml-auto h-4 w-6" />
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
    </Card>
  );
  return rows ? table : <LoadingRegion label="Loading webhook events…">{table}</LoadingRegion>;
}
