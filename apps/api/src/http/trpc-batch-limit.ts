import { TRPC_MAX_BATCH_ITEMS } from '@clinicpay/contracts';
import type { FastifyInstance } from 'fastify';

const TOO_MANY = `A request may batch at most ${TRPC_MAX_BATCH_ITEMS} calls; send the others in another request.`;

/** How many procedures a /trpc URL names (a batch joins their paths with commas, maybe encoded). */
export function batchedCalls(url: string): number {
  const path = url.slice('/trpc/'.length).split('?', 1)[0] ?? '';
  return path.split(/,|%2c/i).length;
}

/**
 * Refuses a tRPC batch above the SPAs' own `maxItems` before any of it runs: otherwise one GET can
 * start any number of availability computations at once. The answer is tRPC's error shape, with a
 * sentence instead of the library's terse one.
 */
export function registerTrpcBatchLimit(server: FastifyInstance): void {
  server.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/trpc/')) return;
    if (batchedCalls(request.url) <= TRPC_MAX_BATCH_ITEMS) return;
    await reply.code(400).send({
      error: {
        message: TOO_MANY,
        code: -32600,
        data: { code: 'BAD_REQUEST', httpStatus: 400, appCode: null, fieldErrors: null },
      },
    });
  });
}
