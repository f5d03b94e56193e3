import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { Badge } from '@clinicpay/ui';
import { Link } from 'react-router';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime } from '../format/clinic-time.js';
import type { StripeSettings } from './stripe-form-values.js';

/**
 * Whether Stripe's events are arriving for the saved mode: the last one received, and deliveries
 * refused for a bad signature in the last day (a wrong Webhook Signing Secret looks like that).
 */
export function WebhookHealth({ settings }: { settings: StripeSettings }) {
  const timeZone = useTimeZone();
  const mode = settings.mode;
  const last = settings.lastEvent[mode];
  const failures = settings.signatureFailures.last24Hours;
  const latestFailure = settings.signatureFailures.recent[0];
  return (
    <div className="grid gap-2 text-sm" aria-label="Webhook health" role="group">
      <p className="text-slate-800">
        <span className="font-semibold">Last event received ({STRIPE_MODE_LABELS[mode]}):</span>{' '}
        {last ? (
          <>
            {formatDateTime(last.receivedAt, timeZone)} ·{' '}
            <code className="font-mono">{last.type}</code>{' '}
            {last.processedAt ? (
              <Badge tone="green">Processed</Badge>
            ) : last.error ? (
              <Badge tone="red">Failed</Badge>
            ) : (
              <Badge tone="amber">Waiting</Badge>
            )}
          </>
        ) : (
          'none yet. Events appear here once Stripe sends the first one to the Webhook URL.'
        )}
      </p>
      {last?.apiVersion && last.apiVersion !== settings.apiVersion ? (
        <p className="font-medium text-red-800">
          Stripe sends this endpoint's events at API version{' '}
          <code className="font-mono">{last.apiVersion}</code>, but Clinicpay reads version{' '}
          <code className="font-mono">{settings.apiVersion}</code>; fields can differ between
          versions. In Stripe's Dashboard (Developers › Webhooks), add an endpoint for the same
          Webhook URL with API version <code className="font-mono">{settings.apiVersion}</code>,
          save its Signing Secret here, then delete the old endpoint.
        </p>
      ) : null}
      <p className={failures > 0 ? 'font-medium text-red-800' : 'text-slate-800'}>
        <span className="font-semibold">Signature failures, last 24 hours:</span> {failures}
        {failures > 0 ? (
          <>
            {' '}
            — the latest{' '}
            {latestFailure
              ? `at ${formatDateTime(latestFailure.receivedAt, timeZone)} (${latestFailure.reason})`
              : ''}
            . Check that the Webhook Signing Secret is the one shown for this endpoint in Stripe's
            Dashboard.
          </>
        ) : null}
      </p>
      <p>
        <Link to="/webhooks" className="font-semibold text-brand-700 underline underline-offset-2">
          Open the webhook log
        </Link>
      </p>
    </div>
  );
}
