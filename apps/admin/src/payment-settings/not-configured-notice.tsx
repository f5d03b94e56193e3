import { Notice } from '@clinicpay/ui';

/** The sentence Stripe's key check failures open with (the API's, after the product documentation). */
export const NOT_CONFIGURED = 'Stripe gateway is not properly configured';

/** Stripe's own reason, when a message is a failed key check; otherwise null. */
export function notConfiguredReason(message: string): string | null {
  if (!message.startsWith(NOT_CONFIGURED)) return null;
  return (
    message.slice(NOT_CONFIGURED.length).replace(/^[:.\s]+/, '') ||
    'Stripe did not accept the Secret API Key.'
  );
}

/** Shown above the form when Stripe refused the Secret API Key: nothing was saved. */
export function NotConfiguredNotice({ reason }: { reason: string }) {
  return (
    <Notice tone="error" role="alert" title={NOT_CONFIGURED}>
      <p>Stripe's reason: {reason}</p>
      <p className="mt-1">
        Nothing was saved. Copy the Secret API Key again from Stripe's Dashboard (Developers › API
        keys) for the selected Mode.
      </p>
    </Notice>
  );
}
