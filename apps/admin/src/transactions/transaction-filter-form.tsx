import { PAYMENT_STATUS_LABELS, PAYMENT_STATUSES, STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { FilterActions, FilterBar, MoreFilters } from '../components/filter-bar.js';
import {
  FormDateField,
  FormMultiSelect,
  FormSelect,
  FormTextField,
} from '../components/form-fields.js';
import {
  filterValuesOf,
  queryOf,
  transactionFilterSchema,
  type TransactionFilterValues,
} from './transaction-filter-values.js';
import { activeFilterCount, EMPTY_QUERY, type TransactionQuery } from './transaction-query.js';

export interface TransactionFilterFormProps {
  query: TransactionQuery;
  currency: string;
  onApply: (query: TransactionQuery) => void;
}

const STATUS_OPTIONS = PAYMENT_STATUSES.map((id) => ({ id, label: PAYMENT_STATUS_LABELS[id] }));
const GATEWAY_OPTIONS = [
  { id: 'any', label: 'All methods' },
  { id: 'stripe', label: 'Stripe' },
  { id: 'pay_at_clinic', label: 'Pay at clinic' },
];
const MODE_OPTIONS = [
  { id: 'any', label: 'Both modes' },
  { id: 'test', label: STRIPE_MODE_LABELS.test },
  { id: 'live', label: STRIPE_MODE_LABELS.live },
];
const DISPUTE_OPTIONS = [
  { id: 'all', label: 'All transactions' },
  { id: 'any', label: 'Any dispute' },
  { id: 'open', label: 'Open disputes' },
];

/** Search and status stay in view; the rest fold away. */
export function TransactionFilterForm({ query, currency, onApply }: TransactionFilterFormProps) {
  const schema = useMemo(() => transactionFilterSchema(currency), [currency]);
  // The address bar is the truth: a link, Back or "Clear all filters" resets the form to it.
  const form = useForm<TransactionFilterValues>({
    resolver: zodResolver(schema),
    values: filterValuesOf(query),
  });
  const more = activeFilterCount({ ...query, search: null, status: [] });
  const c = form.control;

  return (
    <FilterBar
      label="Filter transactions"
      onSubmit={(event) =>
        void form.handleSubmit((values) => onApply(queryOf(values, query)))(event)
      }
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] md:items-end">
        <FormTextField
          control={c}
          name="search"
          label="Search"
          type="search"
          description="Patient, email, reference or Stripe id"
        />
        <FormMultiSelect
          control={c}
          name="status"
          label="Status"
          placeholder="All statuses"
          options={STATUS_OPTIONS}
        />
        <FilterActions
          clearLabel="Clear all"
          onClear={() => onApply({ ...EMPTY_QUERY, sort: query.sort, direction: query.direction })}
        />
      </div>
      <MoreFilters summary={`More filters${more > 0 ? ` (${more} on)` : ''}`} isOn={more > 0}>
        {/* The kinds of payment on one row, the date and amount ranges (in pairs) on the next. */}
        <FormSelect control={c} name="gateway" label="Method" options={GATEWAY_OPTIONS} />
        <FormSelect control={c} name="mode" label="Mode" options={MODE_OPTIONS} />
        <FormSelect control={c} name="dispute" label="Dispute" options={DISPUTE_OPTIONS} />
        <FormDateField
          control={c}
          name="from"
          type="date"
          label="First day"
          className="sm:col-start-1"
        />
        <FormDateField control={c} name="to" type="date" label="Last day" />
        <FormTextField
          control={c}
          name="min"
          label={`Smallest amount (${currency})`}
          inputMode="decimal"
        />
        <FormTextField
          control={c}
          name="max"
          label={`Largest amount (${currency})`}
          inputMode="decimal"
        />
      </MoreFilters>
    </FilterBar>
  );
}
