// The HTTP floor for http-overhead.ts, run as its own process (as the API is): Fastify with no
// plugins, one route doing what /healthz does (the same database check), and the public catalogue
// URLs answered with the bytes and ETags the API gave for them (sent by the parent), 304 when
// If-None-Match names the ETag: what an ideal cache would cost, with nothing around it. Sends its
// port to the parent; exits when the parent goes.
import { checkConnection, createDatabase } from '@clinicpay/db';
import Fastify from 'fastify';

/** One URL's answer as the API gave it. */
export interface FixedAnswer {
  url: string;
  body: string;
  etag: string;
}

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: bare-fastify.server.ts <database url>');
// The API's default pool size (DATABASE_POOL_SIZE, 10), so the database side is the same.
const { db } = await createDatabase({ url: databaseUrl, maxConnections: 10 });
const answers = new Map<string, FixedAnswer>();
const server = Fastify({ logger: false });
server.get('/ping-db', async (_request, reply) => {
  const { ok } = await checkConnection(db);
  return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable' });
});
server.get('/trpc/*', (request, reply) => {
  const answer = answers.get(request.url);
  if (!answer) return reply.code(404).send();
  void reply.header('etag', answer.etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === answer.etag) return reply.code(304).send();
  return reply.header('content-type', 'application/json').send(answer.body);
});
await server.listen({ port: 0, host: '127.0.0.1' });
process.on('message', (message) => {
  for (const answer of (message as { answers: FixedAnswer[] }).answers)
    answers.set(answer.url, answer);
  process.send?.({ serving: answers.size });
});
const address = server.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('disconnect', () => process.exit(0));
