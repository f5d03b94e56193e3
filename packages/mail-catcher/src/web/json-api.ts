/** `/api/messages`: what the end-to-end and chaos tests read, as JSON. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaughtMessage } from '../caught-message';
import type { MessageStore } from '../message-store';
import { sendEmpty, sendJson } from './respond';

export type ListedMessage = Omit<CaughtMessage, 'raw'>;

export function handleApi(
  store: MessageStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const method = req.method ?? 'GET';
  if (url.pathname === '/api/messages') {
    if (method === 'GET')
      return sendJson(res, 200, listMessages(store, url.searchParams.get('to')));
    if (method === 'DELETE') {
      store.clear();
      return sendEmpty(res, 204);
    }
    return sendJson(res, 405, { error: `${method} is not allowed here; use GET or DELETE.` });
  }
  const one = /^\/api\/messages\/([^/]+)$/.exec(url.pathname);
  if (one && method === 'GET') {
    const message = store.get(one[1] ?? '');
    if (message) return sendJson(res, 200, message);
    return sendJson(res, 404, { error: `No message with id ${one[1]}; it may have been cleared.` });
  }
  sendJson(res, 404, { error: `Nothing at ${method} ${url.pathname}.` });
}

/** Oldest first, as `messages()`; `to` matches an envelope recipient whatever its case. */
function listMessages(store: MessageStore, to: string | null): ListedMessage[] {
  const wanted = to?.trim().toLowerCase();
  return store
    .list()
    .filter((m) => !wanted || m.to.some((address) => address.toLowerCase() === wanted))
    .map(({ raw: _raw, ...rest }) => rest);
}
