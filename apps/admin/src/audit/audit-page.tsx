import { AUDIT_ACTIONS, type AuditAction, type AuditFiltersInput } from '@clinicpay/contracts';
import {
  Button,
  Card,
  EmptyState,
  LoadingRegion,
  Select,
  Skeleton,
  TextField,
  useDocumentTitle,
} from '@clinicpay/ui';
import { useState } from 'react';
import { CsvExportLink } from '../components/csv-export-link.js';
import { PageHeader } from '../components/page-header.js';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { AUDIT_ACTION_LABELS } from './audit-labels.js';

const ALL = 'all';
const ACTION_OPTIONS = [
  { id: ALL, label: 'All actions' },
  ...[...AUDIT_ACTIONS]
    .map((action) => ({ id: action, label: AUDIT_ACTION_LABELS[action] }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

/**
 * "Audit log": who did what, when and from where (sign-ins and failed ones, settings saved with
 * the fields named, refunds, cancellations, moves, the team's changes), newest first, filtered
 * by action and by who, and exported as CSV with the same filters.
 */
export function AuditPage() {
  useDocumentTitle('Audit log · Clinic admin');
  const [action, setAction] = useState<string>(ALL);
  const [actorText, setActorText] = useState('');
  const [filters, setFilters] = useState<AuditFiltersInput>({});
  const [before, setBefore] = useState<number[]>([]);
  const log = trpc.admin.audit.list.useQuery(
    { ...filters, limit: 50, ...(before.length ? { before: before.at(-1) } : {}) },
    { placeholderData: (previous) => previous },
  );
  const apply = () => {
    setBefore([]);
    setFilters({
      ...(action !== ALL ? { action: action as AuditAction } : {}),
      ...(actorText.trim() ? { actor: actorText.trim() } : {}),
    });
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what in the admin, when and from which address. Secrets are never recorded."
        actions={<CsvExportLink route="/exports/audit.csv" input={filters} />}
      />
      <Card className="mb-6 p-4">
        <form
          className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
          aria-label="Filter the audit log"
        >
          <Select
            label="Action"
            options={ACTION_OPTIONS}
            value={action}
            onChange={(value) => setAction(value ?? ALL)}
          />
          <TextField label="Who" value={actorText} onChange={setActorText} placeholder="e-mail" />
          <Button type="submit">Apply filters</Button>
        </form>
      </Card>
      <QueryError query={log} title="The audit log could not be loaded." />
      {log.data ? (
        log.data.entries.length === 0 ? (
          <EmptyState title="Nothing recorded matches these filters." />
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
                <tr>
                  <th className="px-4 py-2">When</th>
                  <th className="px-4 py-2">Who</th>
                  <th className="px-4 py-2">What</th>
                  <th className="px-4 py-2">Address</th>
                  <th className="px-4 py-2">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {log.data.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="px-4 py-2 whitespace-nowrap">
                      {new Date(entry.at).toLocaleString()}
                    </td>
                    <td className="px-4 py-2 break-all">{entry.actor.replace(/^admin:/, '')}</td>
                    <td className="px-4 py-2">
                      {AUDIT_ACTION_LABELS[entry.action as AuditAction] ?? entry.action}
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">{entry.ip ?? '–'}</td>
                    <td className="max-w-md px-4 py-2 font-mono text-xs break-all text-slate-600">
                      {Object.keys(entry.details).length ? JSON.stringify(entry.details) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="flex gap-2 border-t border-slate-200 p-3">
              <Button
                variant="secondary"
                isDisabled={before.length === 0}
                onPress={() => setBefore(before.slice(0, -1))}
              >
                Newer
              </Button>
              <Button
                variant="secondary"
                isDisabled={log.data.nextBefore === null}
                onPress={() => log.data?.nextBefore && setBefore([...before, log.data.nextBefore])}
              >
                Older
              </Button>
            </div>
          </Card>
        )
      ) : log.isPending ? (
        <LoadingRegion label="Loading the audit log…">
          <Card className="grid gap-3 p-4">
            {[0, 1, 2, 3].map((row) => (
              <Skeleton key={row} className="h-6 w-full" />
            ))}
          </Card>
        </LoadingRegion>
      ) : null}
    </>
  );
}
