import {
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_STATUSES,
  type AppointmentStatusName,
} from '@clinicpay/contracts';
import { Button, Card, MultiSelect, NativeDateField, Select, TextField } from '@clinicpay/ui';
import { useState, type FormEvent } from 'react';
import { trpc } from '../trpc.js';
import type { AppointmentQuery } from './appointment-query.js';

const STATUS_OPTIONS = APPOINTMENT_STATUSES.map((id) => ({
  id,
  label: APPOINTMENT_STATUS_LABELS[id],
}));

export interface AppointmentFilterFormProps {
  query: AppointmentQuery;
  today: string;
  onApply: (query: AppointmentQuery) => void;
}

/** Dates, doctor, status and patient; applied together with "Apply filters" (or Enter). */
export function AppointmentFilterForm({ query, today, onApply }: AppointmentFilterFormProps) {
  const doctors = trpc.admin.doctors.list.useQuery();
  const [draft, setDraft] = useState(query);
  const [problem, setProblem] = useState<string | null>(null);
  // The address bar is the truth: Back, a link or "Clear all" reset the fields to it (adjusted
  // while rendering, React's pattern for state that follows a prop).
  const applied = JSON.stringify(query);
  const [basis, setBasis] = useState(applied);
  if (basis !== applied) {
    setBasis(applied);
    setDraft(query);
  }
  const doctorOptions = [
    { id: 'any', label: 'All doctors' },
    ...(doctors.data ?? []).map((d) => ({ id: d.id, label: d.name })),
  ];

  // The folded filters open by themselves when one of them narrows the list.
  const narrowed =
    query.from !== today || query.to !== null || query.doctorId !== null || query.status.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from)
      return setProblem('The last day must not be before the first.');
    setProblem(null);
    onApply({ ...draft, patient: draft.patient?.trim() || null });
  };

  return (
    <Card className="mb-4 p-4">
      <form
        noValidate
        role="search"
        aria-label="Filter appointments"
        onSubmit={submit}
        className="grid gap-4"
      >
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_auto] md:items-end">
          <TextField
            label="Patient"
            description="Name, email or reference"
            type="search"
            value={draft.patient ?? ''}
            onChange={(patient) => setDraft({ ...draft, patient })}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit">Apply filters</Button>
            <Button
              variant="secondary"
              onPress={() =>
                onApply({
                  from: today,
                  to: null,
                  doctorId: null,
                  status: [],
                  patient: null,
                  direction: 'asc',
                })
              }
            >
              From today, no filters
            </Button>
          </div>
        </div>
        <details open={narrowed || undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-800">
            Dates, doctor and status{narrowed ? ' (on)' : ''}
          </summary>
          <div className="grid gap-4 pt-2 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[repeat(4,minmax(0,1fr))]">
            <NativeDateField
              type="date"
              label="First day"
              value={draft.from ?? ''}
              onChange={(from) => setDraft({ ...draft, from: from || null })}
              description="Empty: any date"
            />
            <NativeDateField
              type="date"
              label="Last day"
              value={draft.to ?? ''}
              onChange={(to) => setDraft({ ...draft, to: to || null })}
              errorMessage={problem ?? undefined}
              description="Empty: no end"
            />
            <Select
              label="Doctor"
              options={doctorOptions}
              value={draft.doctorId ?? 'any'}
              onChange={(id) => setDraft({ ...draft, doctorId: id === 'any' ? null : id })}
            />
            <MultiSelect
              label="Status"
              placeholder="All statuses"
              options={STATUS_OPTIONS}
              value={draft.status}
              onChange={(status) =>
                setDraft({ ...draft, status: status as AppointmentStatusName[] })
              }
            />
          </div>
        </details>
      </form>
    </Card>
  );
}
