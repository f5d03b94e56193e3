import { checkConnection } from '@clinicpay/db';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';

/** Load balancers and the start script ask this: 200 when the database answers, else 503. */
export function registerHealthRoute(server: FastifyInstance, deps: Pick<AppDeps, 'db'>): void {
  server.get('/healthz', async (_request, reply) => {
    const { ok: databaseUp } = await checkConnection(deps.db);
    return reply
      .code(databaseUp ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: databaseUp ? 'ok' : 'unavailable', database: databaseUp ? 'up' : 'down' });
  });
}
