import {
  FAILURE_POLICIES,
  FAILURE_POLICY_LABELS,
  STRIPE_MODE_LABELS,
  STRIPE_MODES,
  STRIPE_SETTINGS_LABELS as L,
  type SaveStripeSettingsInput,
} from '@clinicpay/contracts';
import { BusyButton, Checkbox, Notice, Radio, RadioGroup } from '@clinicpay/ui';
import { useState } from 'react';
import { useController, useForm, useWatch } from 'react-hook-form';
import { fieldErrorsOf, isUnauthorized, messageOf } from '../api-errors.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { CurrencyField } from './currency-field.js';
import { NotConfiguredNotice, notConfiguredReason } from './not-configured-notice.js';
import { PublishableKeyField } from './publishable-key-field.js';
import { SecretField } from './secret-field.js';
import {
  formPathOf,
  formValuesOf,
  stripeFormResolver,
  type StripeFormControl,
  type StripeFormValues,
  type StripeSettings,
} from './stripe-form-values.js';
import { WebhookUrlField } from './webhook-url-field.js';
import { useCan } from '../session/use-can.js';

type Outcome =
  | { kind: 'notConfigured'; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'invalid' }
  | null;

/**
 * Stripe's settings with KiviCare's field names. The shared rules run as the admin types; Save
 * sends the selected Mode's keys, and the API checks the Secret API Key with Stripe before keeping
 * anything. Secrets are never shown: the saved ones appear masked, the inputs start blank.
 */
export function StripeSettingsForm({ settings }: { settings: StripeSettings }) {
  const mayChange = useCan()('stripe.keys');
  const utils = trpc.useUtils();
  // The saved settings reach the rules as the resolver's context: what is stored changes on save.
  const form = useForm<StripeFormValues, StripeSettings, SaveStripeSettingsInput>({
    resolver: stripeFormResolver,
    context: settings,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: formValuesOf(settings),
  });
  const mode = useWatch({ control: form.control, name: 'mode' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = trpc.admin.stripeSettings.save.useMutation();

  const submit = form.handleSubmit(
    async (input) => {
      if (save.isPending) return;
      setOutcome(null);
      try {
        const saved = await save.mutateAsync(input);
        utils.admin.stripeSettings.get.setData(undefined, saved);
        void utils.admin.gateways.list.invalidate();
        form.reset(formValuesOf(saved));
        notify({
          title: 'Stripe settings saved',
          description: `${STRIPE_MODE_LABELS[saved.mode]} · ${saved.enabled ? 'Stripe is on' : 'Stripe is off'}`,
          tone: 'success',
        });
      } catch (error) {
        if (isUnauthorized(error)) return;
        showRefusal(error, input.mode);
      }
    },
    () => setOutcome({ kind: 'invalid' }),
  );

  function showRefusal(error: unknown, savedMode: StripeFormValues['mode']) {
    const message = messageOf(error);
    const fields = Object.entries(fieldErrorsOf(error));
    fields.forEach(([path, text], index) => {
      form.setError(
        formPathOf(path, savedMode) as 'currency',
        { type: 'server', message: text },
        { shouldFocus: index === 0 },
      );
    });
    const reason = notConfiguredReason(
      fields.find(([path]) => path === 'secretKey')?.[1] ?? message,
    );
    setOutcome(
      reason
        ? { kind: 'notConfigured', reason }
        : fields.length > 0
          ? { kind: 'invalid' }
          : { kind: 'error', message },
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="grid gap-6"
      aria-label="Stripe settings"
    >
      {outcome?.kind === 'notConfigured' ? <NotConfiguredNotice reason={outcome.reason} /> : null}
      {outcome?.kind === 'invalid' ? (
        <Notice tone="error" role="alert" title="Nothing was saved.">
          Fix the fields marked below, then save again.
        </Notice>
      ) : null}
      {outcome?.kind === 'error' ? (
        <Notice tone="error" role="alert" title="Nothing was saved.">
          {outcome.message}
        </Notice>
      ) : null}

      {mayChange ? null : (
        <Notice tone="info" title="Only an Owner can change these settings.">
          The keys and signing secrets decide where the clinic's card payments go.
        </Notice>
      )}
      {/* Disabled as a whole for a role that may only look (the API refuses a save anyway). */}
      <fieldset disabled={!mayChange} className="grid min-w-0 gap-6">
        <EnabledField control={form.control} />
        <ModeField
          control={form.control}
          liveRefusal={settings.liveMode.allowed ? null : settings.liveMode.reason}
        />

        <fieldset key={`api-${mode}`} className="grid gap-4 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-700">
            API keys for {STRIPE_MODE_LABELS[mode]}
          </legend>
          <SecretField
            control={form.control}
            mode={mode}
            field="secretKey"
            label={L.secretKey}
            saved={settings.keys[mode].secretKey}
            hint={`From Stripe's Dashboard (Developers › API keys): it starts with sk_${mode}_, or rk_${mode}_ for a restricted key.`}
          />
          <PublishableKeyField control={form.control} mode={mode} />
        </fieldset>

        <CurrencyField control={form.control} />

        <fieldset
          key={`webhook-${mode}`}
          className="grid gap-4 rounded-xl border border-slate-200 p-4"
        >
          <legend className="px-1 text-sm font-semibold text-slate-700">
            Webhook for {STRIPE_MODE_LABELS[mode]}
          </legend>
          <WebhookUrlField url={settings.webhookUrl} />
          <SecretField
            control={form.control}
            mode={mode}
            field="webhookSigningSecret"
            label={L.webhookSigningSecret}
            saved={settings.keys[mode].webhookSigningSecret}
            hint="Starts with whsec_: reveal it on the endpoint's page in Stripe's Dashboard (see “Set up the webhook in Stripe”)."
          />
        </fieldset>

        <FailurePolicyField control={form.control} />
      </fieldset>

      {mayChange ? (
        <div>
          <BusyButton
            type="submit"
            isBusy={save.isPending}
            busyLabel="Checking the keys with Stripe…"
          >
            Save
          </BusyButton>
        </div>
      ) : null}
    </form>
  );
}

function EnabledField({ control }: { control: StripeFormControl }) {
  const { field } = useController({ control, name: 'enabled' });
  return (
    <Checkbox
      isSelected={field.value}
      onChange={field.onChange}
      inputRef={field.ref}
      description="Patients can pay by card when booking. Needs the keys and the signing secret of the selected Mode."
    >
      {L.enabled}
    </Checkbox>
  );
}

function ModeField({
  control,
  liveRefusal,
}: {
  control: StripeFormControl;
  liveRefusal: string | null;
}) {
  const { field, fieldState } = useController({ control, name: 'mode' });
  return (
    <div className="grid gap-2">
      <RadioGroup
        label={L.mode}
        value={field.value}
        onChange={(value) => field.onChange(value)}
        errorMessage={fieldState.error?.message}
        description="Test keys work only in Sandbox (Test), live keys only in Live. Each mode keeps its own keys."
        orientation="horizontal"
      >
        <div className="grid gap-2 sm:grid-cols-2">
          {STRIPE_MODES.map((value) => (
            <Radio
              key={value}
              value={value}
              description={
                value === 'test' ? 'Test cards only; no money moves.' : 'Real cards and real money.'
              }
            >
              {STRIPE_MODE_LABELS[value]}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {/* Said before anyone picks Live, not only as an error after. */}
      {liveRefusal && field.value !== 'live' ? (
        <p className="text-sm text-slate-600">{liveRefusal}</p>
      ) : null}
    </div>
  );
}

function FailurePolicyField({ control }: { control: StripeFormControl }) {
  const { field } = useController({ control, name: 'failurePolicy' });
  return (
    <RadioGroup
      label={L.failurePolicy}
      value={field.value}
      onChange={(value) => field.onChange(value)}
    >
      {FAILURE_POLICIES.map((value) => (
        <Radio key={value} value={value}>
          {FAILURE_POLICY_LABELS[value]}
        </Radio>
      ))}
    </RadioGroup>
  );
}
