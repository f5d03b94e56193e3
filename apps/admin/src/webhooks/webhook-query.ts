import type { ListWebhookEventsInput } from '@clinicpay/contracts';

/** The webhook log's filters, as they live in the address bar. */
export interface WebhookQuery {
  type: string | null;
  mode: 'test' | 'live' | null;
  state: 'processed' | 'failed' | 'unprocessed' | null;
}

const EVENT_TYPE = /^[a-z_]+(\.[a-z_]+)*$/;

export function parseWebhookQuery(params: URLSearchParams): WebhookQuery {
  const type = params.get('type')?.trim() ?? '';
  const mode = params.get('mode');
  const state = params.get('state');
  return {
    type: EVENT_TYPE.test(type) ? type : null,
    mode: mode === 'test' || mode === 'live' ? mode : null,
    state: state === 'processed' || state === 'failed' || state === 'unprocessed' ? state : null,
  };
}

export function webhookSearchParams(query: WebhookQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.type) params.set('type', query.type);
  if (query.mode) params.set('mode', query.mode);
  if (query.state) params.set('state', query.state);
  return params;
}

export function toWebhookInput(
  query: WebhookQuery,
): Omit<ListWebhookEventsInput, 'limit' | 'cursor'> {
  return {
    ...(query.type ? { type: query.type } : {}),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.state ? { state: query.state } : {}),
  };
}

/** How an event's processing reads: "Processed", "Failed (will be retried)", "Waiting". */
export const STATE_LABELS = {
  processed: 'Processed',
  failed: 'Failed',
  unprocessed: 'Waiting',
} as const;

/** The inbox's outcome in words: `ignored:not_ours` → "ignored: not ours". */
export function outcomeLabel(outcome: string | null): string {
  if (!outcome) return '';
  return outcome.replace(/_/g, ' ').replace(/:/g, ': ');
}
