import {
  BusyButton,
  Button,
  Card,
  Checkbox,
  PageHeading,
  Select,
  TextField,
  useDocumentTitle,
} from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { QueryError } from '../components/query-states.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc, type Outputs } from '../trpc.js';
import { draftOf, parseDraft, type PolicyDraft } from './policy-draft.js';

type Policies = Outputs['policies']['get'];
const CLINIC = 'clinic';

/**
 * "Policies": the clinic's cancellation and reschedule policy, and any service's own, with the
 * sentence patients will read as the admin types. A booking keeps the policy in force when it was
 * made, so saving changes only later bookings.
 */
export function PoliciesPage() {
  useDocumentTitle('Policies · Clinic admin');
  const policies = trpc.admin.policies.get.useQuery();
  const [scope, setScope] = useState<string>(CLINIC);
  const data = policies.data;
  return (
    <>
      <PageHeading
        title="Policies"
        description="When patients may cancel for a refund or move their booking online. Each booking keeps the policy in force when it was made."
      />
      <QueryError query={policies} title="The policies could not be loaded." />
      {data ? (
        <Card className="grid gap-5 p-4 sm:p-6">
          <Select
            label="Policy for"
            value={scope}
            onChange={(value) => setScope(value ?? CLINIC)}
            options={[
              { id: CLINIC, label: 'The clinic (every service without its own)' },
              ...data.services.map((s) => ({
                id: s.id,
                label: `${s.name}${s.override ? ' (its own policy)' : ''}`,
              })),
            ]}
            className="max-w-md"
          />
          <PolicyForm key={scope} data={data} scope={scope} />
        </Card>
      ) : null}
    </>
  );
}

function PolicyForm({ data, scope }: { data: Policies; scope: string }) {
  const utils = trpc.useUtils();
  const service = data.services.find((s) => s.id === scope) ?? null;
  const start = service?.override?.policy ?? data.clinic.policy;
  const [own, setOwn] = useState(service === null || service.override !== null);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(start, data.currency));
  const [problem, setProblem] = useState<string | null>(null);
  const save = trpc.admin.policies.save.useMutation();
  const parsed = parseDraft(draft, data.currency);
  const set = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    setProblem(null);
    if (own && !parsed.ok) return;
    try {
      const saved = await save.mutateAsync(
        service
          ? {
              scope: 'service',
              serviceId: service.id,
              policy: own && parsed.ok ? parsed.policy : null,
            }
          : { scope: 'clinic', policy: parsed.ok ? parsed.policy : data.clinic.policy },
      );
      utils.admin.policies.get.setData(undefined, saved);
      notify({ title: 'Policy saved', description: 'New bookings keep it.', tone: 'success' });
    } catch (error) {
      if (!isUnauthorized(error)) setProblem(messageOf(error));
    }
  };

  return (
    <form
      noValidate
      className="grid gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormProblem problem={problem} title="Nothing was saved." />
      {service ? (
        <Checkbox isSelected={own} onChange={setOwn}>
          {`${service.name} has its own policy`}
        </Checkbox>
      ) : null}
      {own ? (
        <>
          <fieldset className="grid gap-4 rounded-xl border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-700">Cancelling</legend>
            <TextField
              label="Full refund until (hours before)"
              inputMode="numeric"
              value={draft.freeCancelHours}
              onChange={(freeCancelHours) => set({ freeCancelHours })}
              className="max-w-xs"
            />
            {draft.tiers.map((tier, i) => (
              <div
                key={i}
                className="grid items-end gap-3 sm:grid-cols-[minmax(0,12rem)_minmax(0,14rem)_auto]"
              >
                <TextField
                  label={`Tier ${i + 1}: refund (%)`}
                  inputMode="numeric"
                  value={tier.percent}
                  onChange={(percent) =>
                    set({ tiers: draft.tiers.map((t, j) => (j === i ? { ...t, percent } : t)) })
                  }
                />
                <TextField
                  label={`Tier ${i + 1}: until (hours before)`}
                  inputMode="numeric"
                  value={tier.hoursBefore}
                  onChange={(hoursBefore) =>
                    set({ tiers: draft.tiers.map((t, j) => (j === i ? { ...t, hoursBefore } : t)) })
                  }
                />
                <Button
                  variant="secondary"
                  onPress={() => set({ tiers: draft.tiers.filter((_, j) => j !== i) })}
                >
                  {`Remove tier ${i + 1}`}
                </Button>
              </div>
            ))}
            {draft.tiers.length < 5 ? (
              <div>
                <Button
                  variant="secondary"
                  onPress={() => set({ tiers: [...draft.tiers, { hoursBefore: '', percent: '' }] })}
                >
                  Add a refund tier
                </Button>
              </div>
            ) : null}
            <TextField
              label={`Cancellation fee (${data.currency})`}
              description="Kept from any refund. Empty: no fee."
              inputMode="decimal"
              value={draft.fee}
              onChange={(fee) => set({ fee })}
              className="max-w-xs"
            />
          </fieldset>
          <fieldset className="grid gap-4 rounded-xl border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-700">Rescheduling</legend>
            <TextField
              label="Patients may move a booking until (hours before)"
              inputMode="numeric"
              value={draft.rescheduleHours}
              onChange={(rescheduleHours) => set({ rescheduleHours })}
              className="max-w-xs"
            />
            <TextField
              label="At most (times per booking)"
              inputMode="numeric"
              value={draft.maxReschedules}
              onChange={(maxReschedules) => set({ maxReschedules })}
              className="max-w-xs"
            />
          </fieldset>
          <section
            aria-label="Preview"
            aria-live="polite"
            className="rounded-xl border border-brand-200 bg-brand-50 p-4 text-sm"
          >
            <h2 className="font-semibold text-slate-900">What patients will read</h2>
            {parsed.ok ? (
              <p className="mt-1 text-slate-800" data-testid="policy-preview">
                {parsed.sentence} {parsed.reschedule}
              </p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-red-900">
                {parsed.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {`Bookings of ${service?.name ?? 'this service'} follow the clinic's policy: ${data.clinic.sentence}`}
        </p>
      )}
      <div className="flex justify-end">
        <BusyButton type="submit" isBusy={save.isPending} busyLabel="Saving…">
          Save policy
        </BusyButton>
      </div>
    </form>
  );
}
