/** The HTTP front: `/v1/…` is Stripe's API, `/_emulator/…` the control API, `/` the dashboard. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleApi, type ApiDeps } from './api';
import type { EmulatorControl } from './control/control';
import { renderDashboard } from './control/dashboard';
import { handleControl } from './control/routes';
import { unrecognizedUrl } from './errors';
import { sendHtml, sendJson } from './http/respond';

export interface ServerDeps {
  api: ApiDeps;
  control: EmulatorControl;
  publicUrl: () => string;
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  if (url.pathname.startsWith('/v1/') || url.pathname === '/v1')
    return handleApi(deps.api, req, res, url);
  if (url.pathname.startsWith('/_emulator/')) return handleControl(deps.control, req, res, url);
  if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    req.resume();
    return sendHtml(res, 200, renderDashboard(deps.control, deps.publicUrl()));
  }
  req.resume();
  const error = unrecognizedUrl(req.method ?? 'GET', url.pathname);
  sendJson(res, error.status, JSON.stringify({ error: error.body }));
}

export function createHttpServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      console.error('[stripe-emulator] unhandled:', error);
      sendJson(
        res,
        500,
        JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } }),
      );
    });
  });
  // A malformed request line must not crash the process: answer 400 and close.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
