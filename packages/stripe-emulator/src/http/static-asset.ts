/**
 * Files the emulator serves to browsers (the checkout page, the Stripe.js stand-in), read from
 * disk once, on first use, and kept: they never change while the process runs.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

export interface StaticAsset {
  send(req: IncomingMessage, res: ServerResponse, headers?: Record<string, string>): void;
}

export function staticAsset(url: URL): StaticAsset {
  let body: Buffer | null = null;
  const type = TYPES[url.pathname.split('.').pop() ?? ''] ?? 'application/octet-stream';
  return {
    send(req, res, headers = {}) {
      body ??= readFileSync(url);
      if (res.headersSent || res.destroyed) return;
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        // Always revalidated: a dev emulator restarted on a new version must not serve old code.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
