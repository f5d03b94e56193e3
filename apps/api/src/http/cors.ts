import type { FastifyInstance, FastifyReply } from 'fastify';
import { CSRF_HEADER } from './request-meta.js';

const REFUSED = {
  error: 'This site may not call the Clinicpay API. Open Clinicpay from its own address.',
};

/**
 * CORS for the configured SPA origins only, with credentials (the admin cookie). A request that
 * names another origin is refused before any route runs, unless the browser itself says it is
 * same-origin (an SPA behind its dev server's proxy). Callers without an Origin (Stripe, curl,
 * same-origin page loads) pass: they are not cross-site browser calls. Preflights are answered
 * here, before routing, since tRPC's routes would try to parse them.
 */
export function registerCors(server: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);

  server.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    void reply.header('vary', 'Origin');
    const preflight =
      request.method === 'OPTIONS' &&
      request.headers['access-control-request-method'] !== undefined;
    if (allowed.has(origin)) {
      allowCredentialedOrigin(reply, origin);
      if (preflight) return answerPreflight(reply);
      return;
    }
    if (!preflight && request.headers['sec-fetch-site'] === 'same-origin') return;
    return reply.code(403).header('cache-control', 'no-store').send(REFUSED);
  });
}

function allowCredentialedOrigin(reply: FastifyReply, origin: string): void {
  void reply
    .header('access-control-allow-origin', origin)
    .header('access-control-allow-credentials', 'true')
    .header('access-control-expose-headers', 'retry-after, content-disposition');
}

function answerPreflight(reply: FastifyReply): FastifyReply {
  return reply
    .code(204)
    .header('access-control-allow-methods', 'GET, POST')
    .header('access-control-allow-headers', `content-type, ${CSRF_HEADER}, trpc-accept`)
    .header('access-control-max-age', '600')
    .send();
}
