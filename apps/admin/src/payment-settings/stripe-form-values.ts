import {
  SaveStripeSettingsInput,
  validateStripeSettings,
  type FailurePolicy,
  type StoredStripeSettings,
  type StripeMode,
} from '@clinicpay/contracts';
import type { Control, FieldErrors, Resolver } from 'react-hook-form';
import type { Outputs } from '../trpc.js';

export type StripeSettings = Outputs['stripeSettings']['get'];

/** What the admin types for one mode. Secrets start blank: blank means "keep the saved one". */
export interface ModeKeyValues {
  secretKey: string;
  publishableKey: string;
  webhookSigningSecret: string;
}

/**
 * The form keeps both modes' key fields, shows the selected mode's, and sends only those: switching
 * Mode back and forth never loses what was typed, and never sends the other mode's keys.
 */
export interface StripeFormValues {
  enabled: boolean;
  mode: StripeMode;
  currency: string;
  failurePolicy: FailurePolicy;
  keys: Record<StripeMode, ModeKeyValues>;
}

/** The form's control: values as typed, the save input once the rules pass. */
export type StripeFormControl = Control<StripeFormValues, StripeSettings, SaveStripeSettingsInput>;

export type KeyField = keyof ModeKeyValues;
export const KEY_FIELDS: readonly KeyField[] = [
  'secretKey',
  'publishableKey',
  'webhookSigningSecret',
];

/** The form's starting values from the saved settings (publishable keys are public: shown in full). */
export function formValuesOf(settings: StripeSettings): StripeFormValues {
  const keysOf = (mode: StripeMode): ModeKeyValues => ({
    secretKey: '',
    publishableKey: settings.keys[mode].publishableKey ?? '',
    webhookSigningSecret: '',
  });
  return {
    enabled: settings.enabled,
    mode: settings.mode,
    currency: settings.currency.toUpperCase(),
    failurePolicy: settings.failurePolicy,
    keys: { test: keysOf('test'), live: keysOf('live') },
  };
}

/** What is saved, in the shape the shared rules take: secrets only as "there is one". */
export function storedOf(settings: StripeSettings): StoredStripeSettings {
  const of = (mode: StripeMode) => ({
    hasSecretKey: settings.keys[mode].secretKey !== null,
    hasWebhookSecret: settings.keys[mode].webhookSigningSecret !== null,
    publishableKey: settings.keys[mode].publishableKey,
  });
  return { test: of('test'), live: of('live') };
}

/** The save request: the selected mode's keys only. */
export function rawInputOf(values: StripeFormValues) {
  const keys = values.keys[values.mode];
  return {
    enabled: values.enabled,
    mode: values.mode,
    secretKey: keys.secretKey,
    publishableKey: keys.publishableKey,
    webhookSigningSecret: keys.webhookSigningSecret,
    currency: values.currency,
    failurePolicy: values.failurePolicy,
  };
}

/** Where a problem about an input field (as the API and the rules name it) shows in this form. */
export function formPathOf(field: string, mode: StripeMode): string {
  return (KEY_FIELDS as readonly string[]).includes(field) ? `keys.${mode}.${field}` : field;
}

/** A rule's verdict on one field (a StripeSettingsField, or a schema path). */
type Problem = { field: string; message: string };

/**
 * The settings rules the API applies before it asks Stripe, run as the admin types: the shared
 * schema (currency), the shared key rules (kinds, modes, what Enable needs), and Live's https rule.
 * Every problem at once, each on its field, in the API's own words.
 */
export function checkStripeForm(
  values: StripeFormValues,
  settings: StripeSettings,
): { input: SaveStripeSettingsInput | null; problems: Problem[] } {
  const parsed = SaveStripeSettingsInput.safeParse(rawInputOf(values));
  if (!parsed.success) {
    return {
      input: null,
      problems: parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'currency'),
        message: issue.message,
      })),
    };
  }
  const problems: Problem[] = validateStripeSettings(parsed.data, storedOf(settings)).map((p) => ({
    field: p.field,
    message: p.message,
  }));
  if (parsed.data.mode === 'live' && !settings.liveMode.allowed && settings.liveMode.reason) {
    problems.push({ field: 'mode', message: settings.liveMode.reason });
  }
  return { input: problems.length === 0 ? parsed.data : null, problems };
}

/** The rules as react-hook-form's resolver (the saved settings as its context): errors keyed by the form's paths, or the save input. */
export const stripeFormResolver: Resolver<
  StripeFormValues,
  StripeSettings,
  SaveStripeSettingsInput
> = (values, settings) => {
  if (!settings) throw new Error('stripeFormResolver needs the saved settings as the form context');
  const { input, problems } = checkStripeForm(values, settings);
  if (input) return { values: input, errors: {} };
  return { values: {}, errors: toFieldErrors(problems, values.mode) };
};

function toFieldErrors(problems: Problem[], mode: StripeMode): FieldErrors<StripeFormValues> {
  const errors: FieldErrors<StripeFormValues> & Record<string, unknown> = {};
  for (const problem of problems) {
    const path = formPathOf(problem.field, mode).split('.');
    let node = errors;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    const leaf = path.at(-1)!;
    const existing = node[leaf] as { message: string } | undefined;
    // Two problems on one field read as one message, both sentences kept.
    node[leaf] = {
      type: 'rule',
      message: existing ? `${existing.message} ${problem.message}` : problem.message,
    };
  }
  return errors;
}
