import {
  ListWebhookEventsInput,
  STRIPE_MODE_LABELS,
  WEBHOOK_EVENT_STATES,
} from '@clinicpay/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FilterActions, FilterBar } from '../components/filter-bar.js';
import { FormSelect, FormTextField } from '../components/form-fields.js';
import { blankOr } from '../components/form-schemas.js';
import { STATE_LABELS, type WebhookQuery } from './webhook-query.js';

const MODE_OPTIONS = [
  { id: 'any', label: 'Both modes' },
  { id: 'test', label: STRIPE_MODE_LABELS.test },
  { id: 'live', label: STRIPE_MODE_LABELS.live },
];
const STATE_OPTIONS = [
  { id: 'any', label: 'Any state' },
  ...WEBHOOK_EVENT_STATES.map((id) => ({ id, label: STATE_LABELS[id] })),
];

/** The fields as typed: '' for any type, 'any' for either mode or every state. */
const schema = z.object({
  type: blankOr(ListWebhookEventsInput.shape.type),
  mode: z.enum(['any', 'test', 'live']),
  state: z.enum(['any', ...WEBHOOK_EVENT_STATES]),
});
type Values = z.infer<typeof schema>;

/** Event type, mode and state. */
export function WebhookFilterForm({
  query,
  onApply,
}: {
  query: WebhookQuery;
  onApply: (query: WebhookQuery) => void;
}) {
  // The address bar is the truth: Back, a link or "Clear all" reset the fields to it.
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    values: { type: query.type ?? '', mode: query.mode ?? 'any', state: query.state ?? 'any' },
  });
  const apply = ({ type, mode, state }: Values) =>
    onApply({
      type: type.trim() || null,
      mode: mode === 'any' ? null : mode,
      state: state === 'any' ? null : state,
    });
  const c = form.control;

  return (
    <FilterBar
      label="Filter webhook events"
      onSubmit={(event) => void form.handleSubmit(apply)(event)}
      className="sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end"
    >
      <FormTextField
        control={c}
        name="type"
        label="Event type"
        description="Exact, e.g. charge.refunded"
      />
      <FormSelect control={c} name="mode" label="Mode" options={MODE_OPTIONS} />
      <FormSelect control={c} name="state" label="State" options={STATE_OPTIONS} />
      <FilterActions
        clearLabel="Clear all"
        onClear={() => onApply({ type: null, mode: null, state: null })}
      />
    </FilterBar>
  );
}
