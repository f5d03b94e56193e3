/**
 * The embedded checkout page under `/checkout/embedded`: the page and its two files, and the
 * small JSON API it (and the Stripe.js stand-in, for `init`) calls with form-encoded bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StripeApiError } from '../errors';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import { staticAsset } from '../http/static-asset';
import {
  authenticateCheckout,
  initCheckout,
  payCheckout,
  payDelayedCheckout,
  type PageDeps,
} from './page-api';
import { PageAccessError } from './page-access';

export const CHECKOUT_PAGE_PATH = '/checkout/embedded';

const asset = (file: string) => staticAsset(new URL(`./browser/${file}`, import.meta.url));
const ASSETS = {
  '': asset('page.html'),
  '/page.js': asset('page.js'),
  '/card-input.js': asset('card-input.js'),
  '/page.css': asset('page.css'),
};

// The page may be framed by any site (the merchant's), but runs only its own code.
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
    "frame-ancestors *; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
};

const API: Record<string, (deps: PageDeps, request: URLSearchParams) => object> = {
  '/api/init': initCheckout,
  '/api/pay': payCheckout,
  '/api/authenticate': authenticateCheckout,
  '/api/pay_delayed': payDelayedCheckout,
};
// Only `init` is called from the merchant's page (by the stand-in); the others from the frame.
const CORS = { 'Access-Control-Allow-Origin': '*' };

export function isCheckoutPagePath(pathname: string): boolean {
  return pathname === CHECKOUT_PAGE_PATH || pathname.startsWith(`${CHECKOUT_PAGE_PATH}/`);
}

function fail(res: ServerResponse, status: number, message: string, code?: string) {
  const error = { type: 'invalid_request_error', message, ...(code ? { code } : {}) };
  sendJson(res, status, JSON.stringify({ error }), CORS);
}

export async function handleCheckoutPage(
  deps: PageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.slice(CHECKOUT_PAGE_PATH.length).replace(/\/$/, '');
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') {
    req.resume();
    const file = ASSETS[path as keyof typeof ASSETS] as (typeof ASSETS)[''] | undefined;
    if (!file) return fail(res, 404, `No such file: ${url.pathname}`);
    return file.send(req, res, path === '' ? PAGE_HEADERS : {});
  }
  const call = API[path];
  if (!call) {
    req.resume();
    return fail(res, 404, `Unknown checkout page route: ${method} ${url.pathname}`);
  }
  if (method === 'OPTIONS') {
    req.resume();
    res.writeHead(204, {
      ...CORS,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Max-Age': '600',
    });
    return void res.end();
  }
  if (method !== 'POST') {
    req.resume();
    return fail(res, 405, `Use POST for ${url.pathname}`);
  }
  const body = await readBody(req, 16 * 1024);
  if (!body.ok) return fail(res, 413, 'The request body is too large or was not received.');
  try {
    sendJson(res, 200, JSON.stringify(call(deps, new URLSearchParams(body.text))), CORS);
  } catch (error) {
    if (error instanceof PageAccessError) return fail(res, error.status, error.message, error.code);
    if (error instanceof StripeApiError)
      return sendJson(res, error.status, JSON.stringify({ error: error.body }), CORS);
    throw error;
  }
}
