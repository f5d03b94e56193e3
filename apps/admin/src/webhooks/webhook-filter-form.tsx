import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { Button, Card, Select, TextField } from '@clinicpay/ui';
import { useState, type FormEvent } from 'react';
import { STATE_LABELS, type WebhookQuery } from './webhook-query.js';

const MODE_OPTIONS = [
  { id: 'any', label: 'Both modes' },
  { id: 'test', label: STRIPE_MODE_LABELS.test },
  { id: 'live', label: STRIPE_MODE_LABELS.live },
];
const STATE_OPTIONS = [
  { id: 'any', label: 'Any state' },
  ...Object.entries(STATE_LABELS).map(([id, label]) => ({ id, label })),
];

/** Event type, mode and state; applied together. */
export function WebhookFilterForm({
  query,
  onApply,
}: {
  query: WebhookQuery;
  onApply: (query: WebhookQuery) => void;
}) {
  const [type, setType] = useState(query.type ?? '');
  const [mode, setMode] = useState<string>(query.mode ?? 'any');
  const [state, setState] = useState<string>(query.state ?? 'any');
  const [problem, setProblem] = useState<string | undefined>();
  // The address bar is the truth: Back, a link or "Clear all" reset the fields to it.
  const applied = JSON.stringify(query);
  const [basis, setBasis] = useState(applied);
  if (basis !== applied) {
    setBasis(applied);
    setType(query.type ?? '');
    setMode(query.mode ?? 'any');
    setState(query.state ?? 'any');
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = type.trim();
    if (trimmed && !/^[a-z_]+(\.[a-z_]+)*$/.test(trimmed))
      return setProblem('Give an event type such as payment_intent.succeeded.');
    setProblem(undefined);
    onApply({
      type: trimmed || null,
      mode: mode === 'any' ? null : (mode as WebhookQuery['mode']),
      state: state === 'any' ? null : (state as WebhookQuery['state']),
    });
  };

  return (
    <Card className="mb-4 p-4">
      <form
        noValidate
        role="search"
        aria-label="Filter webhook events"
        onSubmit={submit}
        className="grid gap-4 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end"
      >
        <TextField
          label="Event type"
          description="Exact, e.g. charge.refunded"
          value={type}
          onChange={setType}
          errorMessage={problem}
        />
        <Select
          label="Mode"
          options={MODE_OPTIONS}
          value={mode}
          onChange={(value) => setMode(value ?? 'any')}
        />
        <Select
          label="State"
          options={STATE_OPTIONS}
          value={state}
          onChange={(value) => setState(value ?? 'any')}
        />
        <div className="flex gap-2">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="secondary"
            onPress={() => onApply({ type: null, mode: null, state: null })}
          >
            Clear all
          </Button>
        </div>
      </form>
    </Card>
  );
}
