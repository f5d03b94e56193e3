import type { ListMailInput, MailLogStatus } from '@clinicpay/contracts';

/** The statuses the log filters on ("Sending" lasts seconds: it shows, but is not worth a filter). */
export const MAIL_FILTER_STATUSES = ['pending', 'sent', 'failed', 'dropped'] as const;
export type MailFilterStatus = (typeof MAIL_FILTER_STATUSES)[number];

/** The e-mail log's filter, as it lives in the address bar. */
export interface MailLogQuery {
  status: MailFilterStatus | null;
}

/** Reads the address bar; a status the log does not filter on is ignored rather than an error. */
export function parseMailLogQuery(params: URLSearchParams): MailLogQuery {
  return { status: MAIL_FILTER_STATUSES.find((s) => s === params.get('status')) ?? null };
}

export function mailLogSearchParams(query: MailLogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  return params;
}

export function toMailLogInput(query: MailLogQuery): Omit<ListMailInput, 'limit' | 'cursor'> {
  return query.status ? { status: query.status satisfies MailLogStatus } : {};
}

/** The log showing only the messages that could not be sent (the page's "failed" warning links here). */
export const FAILED_MAIL_PATH = `/email/log?${mailLogSearchParams({ status: 'failed' }).toString()}`;
