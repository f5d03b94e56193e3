import { STRIPE_SETTINGS_LABELS } from '@clinicpay/contracts';
import { useId } from 'react';
import { CopyButton } from '../components/copy-button.js';

/** "Webhook URL": where Stripe must send events. Read-only, with a Copy button beside it. */
export function WebhookUrlField({ url }: { url: string }) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-slate-900">
        {STRIPE_SETTINGS_LABELS.webhookUrl}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        Add this address as an endpoint in Stripe's Dashboard. One address serves both modes.
      </p>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.target.select()}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 font-mono text-sm text-slate-900"
        />
        <CopyButton text={url} what={STRIPE_SETTINGS_LABELS.webhookUrl} />
      </div>
    </div>
  );
}
