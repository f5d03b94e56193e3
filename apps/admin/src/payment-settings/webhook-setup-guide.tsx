import { STRIPE_SETTINGS_LABELS as L } from '@clinicpay/contracts';

/**
 * How to point Stripe at this clinic, in four steps, with every event type the API acts on (the
 * list comes from the API, so it is never out of step with what the webhook handles).
 */
export function WebhookSetupGuide({
  events,
  apiVersion,
}: {
  events: readonly string[];
  apiVersion: string;
}) {
  return (
    <section aria-labelledby="webhook-guide-heading" className="grid gap-3 text-sm text-slate-800">
      <h2 id="webhook-guide-heading" className="text-base font-semibold text-slate-900">
        Set up the webhook in Stripe
      </h2>
      <ol className="grid list-decimal gap-2 pl-5">
        <li>
          In Stripe's Dashboard, open Developers › Webhooks and add an endpoint (in the same mode as
          here).
        </li>
        <li>
          As its endpoint URL, paste the <strong>{L.webhookUrl}</strong> shown above. Choose API
          version <code className="font-mono">{apiVersion}</code> and the <strong>Snapshot</strong>{' '}
          payload style (thin payloads work too, at the cost of one call to Stripe per event).
        </li>
        <li>
          Under events to send, select each of these {events.length} events:
          <ul aria-label="Events to select" className="mt-2 grid gap-1">
            {events.map((event) => (
              <li key={event}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-900">
                  {event}
                </code>
              </li>
            ))}
          </ul>
        </li>
        <li>
          Create the endpoint, reveal its signing secret (it starts with{' '}
          <code className="font-mono">whsec_</code>), paste it into{' '}
          <strong>{L.webhookSigningSecret}</strong> and save.
        </li>
      </ol>
    </section>
  );
}
