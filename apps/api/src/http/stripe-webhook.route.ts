import type { FastifyInstance } from 'fastify';
import { receiveStripeWebhook } from '../services/webhooks/stripe-inbox.service.js';
import type { AppDeps } from '../deps.js';

/** Stripe's events are small; anything larger is not from Stripe. */
export const WEBHOOK_BODY_LIMIT = 512 * 1024;

/**
 * POST /webhooks/stripe. Registered in its own plugin so that only here the body stays raw bytes:
 * the signature is computed over exactly what Stripe sent.
 */
export async function registerStripeWebhookRoute(
  server: FastifyInstance,
  deps: AppDeps,
): Promise<void> {
  await server.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post('/webhooks/stripe', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['stripe-signature'];
      const result = await receiveStripeWebhook(deps, {
        rawBody,
        signature: Array.isArray(signature) ? signature[0] : signature,
        remoteAddress: request.ip,
      });
      return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
    });
    done();
  });
}
