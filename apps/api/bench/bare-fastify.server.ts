// The HTTP floor for http-overhead.ts, run as its own process (as the API is): Fastify with no
// plugins, one route answering fixed JSON and one doing what /healthz does (the same database
// check) with nothing around it. Sends its port to the parent; exits when the parent goes.
import { checkConnection, createDatabase } from '@clinicpay/db';
import Fastify from 'fastify';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: bare-fastify.server.ts <database url>');
// The API's default pool size (DATABASE_POOL_SIZE, 10), so the database side is the same.
const { db } = await createDatabase({ url: databaseUrl, maxConnections: 10 });
const server = Fastify({ logger: false });
server.get('/ping', () => ({ status: 'ok' }));
server.get('/ping-db', async (_request, reply) => {
  const { ok } = await checkConnection(db);
  return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable' });
});
await server.listen({ port: 0, host: '127.0.0.1' });
const address = server.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('disconnect', () => process.exit(0));
