/**
 * The HTTP front: `/v1/…` is Stripe's API, `/_emulator/…` the control API, `/` the dashboard,
 * `/v3/stripe.js` the Stripe.js stand-in and `/checkout/embedded` the page it frames.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleApi, type ApiDeps } from './api';
import type { PageDeps } from './checkout-page/page-api';
import { handleCheckoutPage, isCheckoutPagePath } from './checkout-page/routes';
import type { EmulatorControl } from './control/control';
import { renderDashboard } from './control/dashboard';
import { handleControl } from './control/routes';
import { unrecognizedUrl } from './errors';
import { sendHtml, sendJson } from './http/respond';
import { isStripeJsPath, serveStripeJs } from './stripe-js/routes';

export interface ServerDeps {
  api: ApiDeps;
  control: EmulatorControl;
  checkoutPage: PageDeps;
  publicUrl: () => string;
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  if (url.pathname.startsWith('/v1/') || url.pathname === '/v1')
    return handleApi(deps.api, req, res, url);
  if (url.pathname.startsWith('/_emulator/')) return handleControl(deps.control, req, res, url);
  if (isCheckoutPagePath(url.pathname)) return handleCheckoutPage(deps.checkoutPage, req, res, url);
  const read = req.method === 'GET' || req.method === 'HEAD';
  if (read && isStripeJsPath(url.pathname)) return serveStripeJs(req, res);
  if (url.pathname === '/' && read) {
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
