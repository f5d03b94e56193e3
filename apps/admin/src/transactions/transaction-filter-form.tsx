import { PAYMENT_STATUS_LABELS, PAYMENT_STATUSES, STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { Button, Card, MultiSelect, NativeDateField, Select } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useController, useForm, type Control } from 'react-hook-form';
import { FormTextField } from '../components/form-text-field.js';
import {
  filterValuesOf,
  queryOf,
  transactionFilterSchema,
  type TransactionFilterValues,
} from './transaction-filter-values.js';
import {
  activeFilterCount,
  EMPTY_QUERY,
  transactionSearchParams,
  type TransactionQuery,
} from './transaction-query.js';

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

/**
 * Search and filters, applied together with "Apply filters" (or Enter in any field), so the list
 * does not reload on every keystroke. Search and status stay in view; the rest fold away.
 */
export function TransactionFilterForm({ query, currency, onApply }: TransactionFilterFormProps) {
  const schema = useMemo(() => transactionFilterSchema(currency), [currency]);
  const form = useForm<TransactionFilterValues>({
    resolver: zodResolver(schema),
    defaultValues: filterValuesOf(query),
  });
  const applied = transactionSearchParams(query).toString();
  // The address bar is the truth: a link, Back or "Clear all filters" resets the form to it.
  useEffect(() => form.reset(filterValuesOf(query)), [applied]); // eslint-disable-line react-hooks/exhaustive-deps
  const more = activeFilterCount({ ...query, search: null, status: [] });
  const c = form.control;

  return (
    <Card className="mb-4 p-4">
      <form
        noValidate
        role="search"
        aria-label="Filter transactions"
        onSubmit={(event) =>
          void form.handleSubmit((values) => onApply(queryOf(values, query)))(event)
        }
        className="grid gap-4"
      >
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] md:items-end">
          <FormTextField
            control={c}
            name="search"
            label="Search"
            type="search"
            description="Patient, email, reference or Stripe id"
          />
          <StatusField control={c} />
          <div className="flex gap-2">
            <Button type="submit">Apply filters</Button>
            <Button
              variant="secondary"
              onPress={() =>
                onApply({ ...EMPTY_QUERY, sort: query.sort, direction: query.direction })
              }
            >
              Clear all
            </Button>
          </div>
        </div>
        <details open={more > 0 || undefined} className="group">
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-800">
            More filters{more > 0 ? ` (${more} on)` : ''}
          </summary>
          {/* The kinds of payment on one row, the date and amount ranges (in pairs) on the next. */}
          <div className="grid gap-4 pt-2 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[repeat(4,minmax(0,1fr))]">
            <ChoiceField control={c} name="gateway" label="Method" options={GATEWAY_OPTIONS} />
            <ChoiceField control={c} name="mode" label="Mode" options={MODE_OPTIONS} />
            <ChoiceField control={c} name="dispute" label="Dispute" options={DISPUTE_OPTIONS} />
            <DateField control={c} name="from" label="First day" className="sm:col-start-1" />
            <DateField control={c} name="to" label="Last day" />
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
          </div>
        </details>
      </form>
    </Card>
  );
}

function StatusField({ control }: { control: Control<TransactionFilterValues> }) {
  const { field } = useController({ control, name: 'status' });
  return (
    <MultiSelect
      label="Status"
      placeholder="All statuses"
      options={STATUS_OPTIONS}
      value={field.value}
      onChange={(value) => field.onChange(value)}
    />
  );
}

/** A single-choice drop-down whose first option means "no filter". */
function ChoiceField({
  control,
  name,
  label,
  options,
}: {
  control: Control<TransactionFilterValues>;
  name: 'gateway' | 'mode' | 'dispute';
  label: string;
  options: { id: string; label: string }[];
}) {
  const { field } = useController({ control, name });
  return (
    <Select
      label={label}
      options={options}
      value={field.value}
      onChange={(value) => field.onChange(value ?? options[0]?.id)}
    />
  );
}

function DateField({
  control,
  name,
  label,
  className,
}: {
  control: Control<TransactionFilterValues>;
  name: 'from' | 'to';
  label: string;
  className?: string;
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <NativeDateField
      type="date"
      label={label}
      {...field}
      errorMessage={fieldState.error?.message}
      className={className}
    />
  );
}
