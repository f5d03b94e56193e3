import { Link } from 'react-router';
import { listColumnHelper } from '../components/list-columns.js';
import { formatDateTime } from '../format/clinic-time.js';
import type { Outputs } from '../trpc.js';
import { dropReasonLabel, mailKindLabel } from './mail-labels.js';
import { MailStatusBadge } from './mail-status-badge.js';
import { ResendButton } from './resend-button.js';

export type MailRow = Outputs['mail']['list']['rows'][number];

const helper = listColumnHelper<MailRow>();

/** What went wrong with a message, or why it was not sent; null when nothing did. */
export function mailProblem(row: Pick<MailRow, 'status' | 'lastError' | 'dropReason'>) {
  if (row.status === 'dropped' && row.dropReason) return dropReasonLabel(row.dropReason);
  if (row.status === 'sent') return null;
  return row.lastError;
}

/** A failure reads red; a message dropped on purpose (a cancelled booking) only grey. */
const problemClass = (row: MailRow) =>
  `text-xs break-words ${row.status === 'dropped' ? 'text-slate-700' : 'text-red-800'}`;

const canResend = (row: MailRow) => row.status === 'failed' || row.status === 'dropped';

/** The e-mail log: when, to whom, what, for which booking, how it went, and Resend. */
export function mailLogColumns(timeZone: string) {
  return helper.columns([
    helper.display({
      id: 'created',
      header: 'Created',
      meta: { hideBelow: 'sm', skeleton: 'w-28' },
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {formatDateTime(row.original.createdAt, timeZone)}
        </span>
      ),
    }),
    helper.display({
      id: 'recipient',
      header: 'Recipient',
      meta: { skeleton: 'w-40' },
      cell: ({ row: { original: row } }) => (
        <span className="grid">
          <span className="break-all text-slate-900">{row.recipient || '—'}</span>
          {/* A phone leaves out the Kind and Created columns: they go under the address. */}
          <span className="text-xs text-slate-600 md:hidden">{mailKindLabel(row.kind)}</span>
          <span className="text-xs text-slate-600 sm:hidden">
            {formatDateTime(row.createdAt, timeZone)}
          </span>
        </span>
      ),
    }),
    helper.display({
      id: 'kind',
      header: 'Kind',
      meta: { hideBelow: 'md', skeleton: 'w-28' },
      cell: ({ row }) => mailKindLabel(row.original.kind),
    }),
    helper.display({
      id: 'booking',
      header: 'Booking',
      meta: { hideBelow: 'lg', skeleton: 'w-24' },
      cell: ({ row: { original: row } }) =>
        row.appointmentId ? (
          <Link
            to={`/appointments/${row.appointmentId}`}
            className="font-mono text-xs font-semibold whitespace-nowrap text-brand-800 underline underline-offset-2"
          >
            {row.reference ?? 'Open the booking'}
          </Link>
        ) : (
          <span className="text-slate-600">—</span>
        ),
    }),
    helper.display({
      id: 'status',
      header: 'Status',
      meta: { skeleton: 'w-16' },
      cell: ({ row: { original: row } }) => {
        const problem = mailProblem(row);
        return (
          <>
            <MailStatusBadge status={row.status} />
            {/* Beside the badge from md up (its own column); under it on a phone. */}
            {problem ? (
              <span className={`mt-1 block md:hidden ${problemClass(row)}`}>{problem}</span>
            ) : null}
          </>
        );
      },
    }),
    helper.display({
      id: 'attempts',
      header: 'Attempts',
      meta: { align: 'right', hideBelow: 'md', skeleton: 'w-6' },
      cell: ({ row }) => <span className="tabular-nums">{row.original.attempts}</span>,
    }),
    helper.display({
      id: 'problem',
      header: 'Last error / drop reason',
      meta: { hideBelow: 'md', skeleton: 'w-40' },
      cell: ({ row: { original: row } }) => {
        const problem = mailProblem(row);
        return problem ? (
          <span className={`block max-w-xs ${problemClass(row)}`}>{problem}</span>
        ) : null;
      },
    }),
    helper.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { align: 'right', skeleton: 'w-16' },
      cell: ({ row: { original: row } }) =>
        canResend(row) ? (
          <ResendButton mailId={row.id} kind={row.kind} recipient={row.recipient} />
        ) : null,
    }),
  ]);
}
