import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { listColumnHelper } from '../components/list-columns.js';
import { RowLink } from '../components/row-link.js';
import { formatDateTime } from '../format/clinic-time.js';
import type { Outputs } from '../trpc.js';
import { outcomeLabel } from './webhook-query.js';
import { WebhookStateBadge } from './webhook-state-badge.js';

export type WebhookEventRow = Outputs['webhookEvents']['list']['rows'][number];

const helper = listColumnHelper<WebhookEventRow>();

/** Stripe's deliveries: when, what, which mode, how it went, how many tries. */
export function webhookEventColumns(timeZone: string) {
  return helper.columns([
    helper.display({
      id: 'received',
      header: 'Received',
      meta: { skeleton: 'w-28' },
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {formatDateTime(row.original.receivedAt, timeZone)}
        </span>
      ),
    }),
    helper.display({
      id: 'event',
      header: 'Event',
      meta: { skeleton: 'w-40' },
      cell: ({ row: { original: row } }) => (
        <>
          <RowLink
            id={row.id}
            className="font-mono text-xs font-semibold break-all text-brand-800 underline underline-offset-2"
          >
            {row.type}
          </RowLink>
          <span className="block font-mono text-xs break-all text-slate-600">{row.id}</span>
        </>
      ),
    }),
    helper.display({
      id: 'mode',
      header: 'Mode',
      meta: { hideBelow: 'md', skeleton: 'w-16' },
      cell: ({ row }) => STRIPE_MODE_LABELS[row.original.mode],
    }),
    helper.display({
      id: 'outcome',
      header: 'Outcome',
      meta: { skeleton: 'w-20' },
      cell: ({ row: { original: row } }) => (
        <>
          <WebhookStateBadge state={row.state} />
          {row.outcome ? (
            <span className="mt-1 block text-xs text-slate-600">{outcomeLabel(row.outcome)}</span>
          ) : null}
          {row.error ? <span className="mt-1 block text-xs text-red-800">{row.error}</span> : null}
        </>
      ),
    }),
    helper.display({
      id: 'attempts',
      header: 'Attempts',
      meta: { align: 'right', hideBelow: 'md', skeleton: 'w-6' },
      cell: ({ row }) => <span className="tabular-nums">{row.original.attempts}</span>,
    }),
  ]);
}
