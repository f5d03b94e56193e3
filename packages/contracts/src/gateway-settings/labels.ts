/**
 * The words the admin sees on the Stripe settings page. Errors quote the same constants, so a
 * message never names a field the page does not show.
 */

export const STRIPE_MODES = ['test', 'live'] as const;
export type StripeMode = (typeof STRIPE_MODES)[number];

/** What happens to a booking when a card is declined (docs/architecture.md, Stripe events). */
export const FAILURE_POLICIES = ['cancel', 'retry'] as const;
export type FailurePolicy = (typeof FAILURE_POLICIES)[number];

export const STRIPE_SETTINGS_LABELS = {
  enabled: 'Enable Stripe',
  mode: 'Mode',
  secretKey: 'Secret API Key',
  publishableKey: 'Publishable Key',
  currency: 'Currency',
  webhookUrl: 'Webhook URL',
  webhookSigningSecret: 'Webhook Signing Secret',
  failurePolicy: 'When a payment fails',
} as const;

export const STRIPE_MODE_LABELS: Readonly<Record<StripeMode, string>> = {
  test: 'Sandbox (Test)',
  live: 'Live',
};

export const FAILURE_POLICY_LABELS: Readonly<Record<FailurePolicy, string>> = {
  cancel: 'Cancel the booking and free the time slot',
  retry: 'Let the patient try another card until the hold ends',
};
