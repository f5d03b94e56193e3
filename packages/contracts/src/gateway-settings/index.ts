export {
  FAILURE_POLICIES,
  FAILURE_POLICY_LABELS,
  STRIPE_MODE_LABELS,
  STRIPE_MODES,
  STRIPE_SETTINGS_LABELS,
  type FailurePolicy,
  type StripeMode,
} from './labels';
export {
  maskedPrefix,
  maskSecret,
  redactStripeSecrets,
  stripeKeyShape,
  type StripeKeyKind,
  type StripeKeyShape,
} from './key-format';
export type {
  StripeSettingsField,
  StripeSettingsProblem,
  StripeSettingsProblemCode,
} from './problems';
export {
  SaveStripeSettingsInput,
  type SaveStripeSettingsFormValues,
} from './save-stripe-settings-input';
export {
  NOTHING_STORED,
  validateStripeSettings,
  type StoredStripeModeSettings,
  type StoredStripeSettings,
} from './validate-stripe-settings';
