import { ListWebhookEventsInput, WEBHOOK_EVENT_STATES } from '@clinicpay/contracts';

export type WebhookEventState = (typeof WEBHOOK_EVENT_STATES)[number];

/** The webhook log's filters, as they live in the address bar. */
export interface WebhookQuery {
  type: string | null;
  mode: 'test' | 'live' | null;
  state: WebhookEventState | null;
}

/** Reads the address bar; what the API would refuse is ignored rather than shown as an error. */
export function parseWebhookQuery(params: URLSearchParams): WebhookQuery {
  const type = params.get('type')?.trim() ?? '';
  const mode = params.get('mode');
  const state = WEBHOOK_EVENT_STATES.find((s) => s === params.get('state'));
  return {
    type: type && ListWebhookEventsInput.shape.type.safeParse(type).success ? type : null,
    mode: mode === 'test' || mode === 'live' ? mode : null,
    state: state ?? null,
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
export const STATE_LABELS: Readonly<Record<WebhookEventState, string>> = {
  processed: 'Processed',
  failed: 'Failed',
  unprocessed: 'Waiting',
};

/** The inbox's outcome in words: `ignored:not_ours` → "ignored: not ours". */
export function outcomeLabel(outcome: string | null): string {
  if (!outcome) return '';
  return outcome.replace(/_/g, ' ').replace(/:/g, ': ');
}
