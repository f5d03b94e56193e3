import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_STATUSES } from '@clinicpay/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FilterActions, FilterBar, MoreFilters } from '../components/filter-bar.js';
import {
  FormDateField,
  FormMultiSelect,
  FormSelect,
  FormTextField,
} from '../components/form-fields.js';
import { trpc } from '../trpc.js';
import {
  appointmentFilterSchema,
  filterValuesOf,
  queryOf,
  type AppointmentFilterValues,
} from './appointment-filter-values.js';
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

/** Patient in view; dates, doctor and status fold away. */
export function AppointmentFilterForm({ query, today, onApply }: AppointmentFilterFormProps) {
  const doctors = trpc.admin.doctors.list.useQuery();
  // The address bar is the truth: Back, a link or "From today" reset the fields to it.
  const form = useForm<AppointmentFilterValues>({
    resolver: zodResolver(appointmentFilterSchema),
    values: filterValuesOf(query),
  });
  const doctorOptions = [
    { id: 'any', label: 'All doctors' },
    ...(doctors.data ?? []).map((d) => ({ id: d.id, label: d.name })),
  ];
  const narrowed =
    query.from !== today || query.to !== null || query.doctorId !== null || query.status.length > 0;
  const c = form.control;

  return (
    <FilterBar
      label="Filter appointments"
      onSubmit={(event) =>
        void form.handleSubmit((values) => onApply(queryOf(values, query.direction)))(event)
      }
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_auto] md:items-end">
        <FormTextField
          control={c}
          name="patient"
          label="Patient"
          description="Name, email or reference"
          type="search"
        />
        <FilterActions
          clearLabel="From today, no filters"
          onClear={() =>
            onApply({
              from: today,
              to: null,
              doctorId: null,
              status: [],
              patient: null,
              direction: 'asc',
            })
          }
        />
      </div>
      <MoreFilters summary={`Dates, doctor and status${narrowed ? ' (on)' : ''}`} isOn={narrowed}>
        <FormDateField
          control={c}
          name="from"
          type="date"
          label="First day"
          description="Empty: any date"
        />
        <FormDateField
          control={c}
          name="to"
          type="date"
          label="Last day"
          description="Empty: no end"
        />
        <FormSelect control={c} name="doctor" label="Doctor" options={doctorOptions} />
        <FormMultiSelect
          control={c}
          name="status"
          label="Status"
          placeholder="All statuses"
          options={STATUS_OPTIONS}
        />
      </MoreFilters>
    </FilterBar>
  );
}
