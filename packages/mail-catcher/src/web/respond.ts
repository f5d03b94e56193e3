import type { ServerResponse } from 'node:http';

/**
 * Our pages run no script at all; inline styles are ours, images may be a message's own (as a mail
 * client shows them), and the HTML preview is a srcdoc frame, which inherits this policy.
 */
export const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

const COMMON = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...COMMON,
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, html, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_POLICY,
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });
}

/** Raw sources and downloads come from a message: sandboxed, so even if rendered they run nothing. */
export function sendMessageBytes(
  res: ServerResponse,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  send(res, 200, body, { 'Content-Security-Policy': 'sandbox', ...headers });
}

export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...COMMON, ...headers });
  res.end();
}
