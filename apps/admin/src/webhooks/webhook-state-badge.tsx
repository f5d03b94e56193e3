import { Badge } from '@clinicpay/ui';
import { STATE_LABELS } from './webhook-query.js';

/** Processed (green), Failed (red: Stripe or a replay will try again), Waiting (amber). */
export function WebhookStateBadge({ state }: { state: keyof typeof STATE_LABELS }) {
  return (
    <Badge tone={state === 'processed' ? 'green' : state === 'failed' ? 'red' : 'amber'}>
      {STATE_LABELS[state]}
    </Badge>
  );
}
