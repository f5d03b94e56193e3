import type { FastifyInstance } from 'fastify';

/**
 * One line per request, with the path but never the query string: tRPC queries carry their input
 * there (a patient's name or email in a transactions search). Replaces Fastify's own request
 * logging, which logs the full URL.
 */
export function registerRequestLog(server: FastifyInstance): void {
  // Turning Fastify's request logging off also silenced its log of a failed route (the webhook,
  // CSV and health routes): without this a 500 left only "request completed 500" behind.
  server.addHook('onError', async (request, _reply, error) => {
    if ((error.statusCode ?? 500) < 500) return;
    request.log.error(
      { err: error, method: request.method, path: request.url.split('?')[0] },
      'request failed',
    );
  });
  server.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    request.log.info(
      {
        method: request.method,
        path,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
}
