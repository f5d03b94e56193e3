/** The web side: pages for a person at `/`, JSON for tests under `/api/`. Plain `node:http`. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { MailCatcherLogger } from '../logger';
import type { MessageStore } from '../message-store';
import { sendAttachment, sendRaw } from './downloads';
import { handleApi } from './json-api';
import { renderList } from './list-page';
import { renderMessage } from './message-page';
import { sendEmpty, sendHtml } from './respond';
import { html } from './html-escape';
import { page } from './layout';

export interface WebDeps {
  store: MessageStore;
  smtpUrl: string;
  logger: MailCatcherLogger;
}

const MESSAGE_PATH = /^\/messages\/([^/]+)(?:\/(raw|attachments\/(\d+)))?$/;

function route(deps: WebDeps, req: IncomingMessage, res: ServerResponse): void {
  // Nothing we serve reads a body; drain it so the connection can be reused.
  req.resume();
  const url = new URL(req.url ?? '/', 'http://mail-catcher.invalid');
  if (url.pathname.startsWith('/api/')) return handleApi(deps.store, req, res, url);
  const method = req.method ?? 'GET';
  if (url.pathname === '/clear' && method === 'POST') {
    deps.store.clear();
    return sendEmpty(res, 303, { Location: '/' });
  }
  if (method !== 'GET' && method !== 'HEAD') return notFound(res, url);
  if (url.pathname === '/') return sendHtml(res, 200, renderList(deps.store.list(), deps.smtpUrl));
  // Browsers ask for one on every page; an empty answer keeps their consoles free of 404s.
  if (url.pathname === '/favicon.ico') return sendEmpty(res, 204);
  const match = MESSAGE_PATH.exec(url.pathname);
  const message = match && deps.store.get(match[1] ?? '');
  if (!match || !message) return notFound(res, url);
  if (!match[2]) return sendHtml(res, 200, renderMessage(message));
  if (match[2] === 'raw') return sendRaw(res, message);
  const attachment = message.attachments[Number(match[3])];
  if (!attachment) return notFound(res, url);
  sendAttachment(res, attachment);
}

function notFound(res: ServerResponse, url: URL): void {
  sendHtml(
    res,
    404,
    page(
      'Not found',
      html`<h1>Not found</h1>
        <p>Nothing at ${url.pathname}; the message may have been cleared.</p>
        <p><a href="/">All messages</a></p>`,
    ),
  );
}

export function createWebServer(deps: WebDeps): Server {
  const server = createServer((req, res) => {
    try {
      route(deps, req, res);
    } catch (error) {
      deps.logger.warn(`[mail-catcher] ${req.method} ${req.url}: ${String(error)}`);
      sendEmpty(res, 500);
    }
  });
  // A malformed request line must not crash the process: answer 400 and close.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
