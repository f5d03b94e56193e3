import type { FastifyInstance } from 'fastify';

/**
 * Headers every response carries. The API answers JSON and CSV, never pages, so its policy is to
 * allow nothing: no scripts, no framing, no referrer. A route that serves a page sets its own CSP.
 */
export function registerSecurityHeaders(
  server: FastifyInstance,
  options: { https: boolean },
): void {
  server.addHook('onSend', async (_request, reply) => {
    reply.removeHeader('x-powered-by');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('cross-origin-opener-policy', 'same-origin');
    void reply.header('cross-origin-resource-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) {
      void reply.header(
        'content-security-policy',
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
    // Answers about bookings, payments and sessions are never for shared caches.
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    // Only over https: announcing HSTS on plain http would be ignored, and wrong in development.
    if (options.https)
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
