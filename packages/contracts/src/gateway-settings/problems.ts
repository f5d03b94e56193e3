/** What can be wrong with a Stripe settings save: one closed list, one field and sentence each. */

export type StripeSettingsField =
  'enabled' | 'mode' | 'secretKey' | 'publishableKey' | 'webhookSigningSecret' | 'currency';

export type StripeSettingsProblemCode =
  | 'secret_key_required'
  | 'secret_key_format'
  | 'secret_key_wrong_mode'
  | 'publishable_key_required'
  | 'publishable_key_format'
  | 'publishable_key_wrong_mode'
  | 'keys_for_other_mode'
  | 'webhook_signing_secret_required'
  | 'webhook_signing_secret_format'
  | 'currency_unsupported';

export interface StripeSettingsProblem {
  readonly code: StripeSettingsProblemCode;
  readonly field: StripeSettingsField;
  /** A sentence for the admin saying what to do. Never contains a secret (only `sk_live_…`). */
  readonly message: string;
}
