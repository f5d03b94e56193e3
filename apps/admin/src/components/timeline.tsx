import { appointmentStatusLabel, paymentStatusLabel } from '../format/status-labels.js';
import { formatDateTime } from '../format/clinic-time.js';

export interface TimelineEntry {
  at: string;
  kind: 'payment' | 'appointment';
  from: string | null;
  to: string;
  source: string;
  reason: string | null;
  stripeEventId?: string | null;
  details?: Record<string, unknown>;
}

/** A move's old and new times, and the clinic's note, from the timeline row's details. */
function moveOf(entry: TimelineEntry) {
  const d = entry.details ?? {};
  if (typeof d.previous_starts_at !== 'string' || typeof d.starts_at !== 'string') return null;
  return {
    from: d.previous_starts_at,
    to: d.starts_at,
    note: typeof d.note === 'string' ? d.note : null,
  };
}

const label = (kind: TimelineEntry['kind'], status: string) =>
  kind === 'payment' ? paymentStatusLabel(status) : appointmentStatusLabel(status);

/** Who moved it: "Stripe webhook", "admin@clinic.test", "automatic check". */
function sourceLabel(source: string): string {
  if (source.startsWith('admin:')) return source.slice('admin:'.length);
  const known: Record<string, string> = {
    webhook: 'Stripe webhook',
    sweeper: 'automatic check',
    patient: 'the patient',
    system: 'Clinicpay',
    booking: 'booking',
    return_page: "the patient's return page",
  };
  return known[source] ?? source.replace(/_/g, ' ');
}

/** Every state change of a payment and its booking, oldest first, as an ordered list. */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  if (entries.length === 0)
    return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="grid gap-3 border-l-2 border-slate-200 pl-4 text-sm">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="relative">
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-brand-600"
          />
          <p className="text-xs text-slate-600">
            <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time> ·{' '}
            {sourceLabel(entry.source)}
          </p>
          <p className="text-slate-900">
            <span className="font-semibold">
              {entry.kind === 'payment' ? 'Payment' : 'Booking'}:
            </span>{' '}
            {entry.from ? `${label(entry.kind, entry.from)} → ` : ''}
            {label(entry.kind, entry.to)}
          </p>
          {entry.reason ? (
            <p className="text-slate-700">{entry.reason.replace(/_/g, ' ')}</p>
          ) : null}
          <MoveLine entry={entry} timeZone={timeZone} />
          {entry.stripeEventId ? (
            <p className="font-mono text-xs break-all text-slate-600">{entry.stripeEventId}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function MoveLine({ entry, timeZone }: { entry: TimelineEntry; timeZone: string }) {
  const move = moveOf(entry);
  if (!move) return null;
  return (
    <p className="text-slate-700">
      From {formatDateTime(move.from, timeZone)} to {formatDateTime(move.to, timeZone)}
      {move.note ? `: “${move.note}”` : ''}
    </p>
  );
}
