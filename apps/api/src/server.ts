import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerHealthRoute } from './http/health.route.js';
import { registerStripeWebhookRoute } from './http/stripe-webhook.route.js';
import { appRouter, type AppRouter } from './routers/index.js';
import { createContextInner, type AppDeps } from './trpc.js';

/** Builds the HTTP server (not listening yet), so tests can `inject` or listen on port 0. */
export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  // Typed as Fastify's logger so the instance keeps Fastify's default generics.
  const logger: FastifyBaseLogger = deps.logger;
  const server = Fastify({
    loggerInstance: logger,
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.nodeEnv === 'production',
  });

  // No framework banner; the rest of the security headers come with the SPAs' hosting.
  server.addHook('onSend', async (_request, reply) => {
    reply.removeHeader('x-powered-by');
    reply.header('x-content-type-options', 'nosniff');
  });

  registerHealthRoute(server, deps);
  await registerStripeWebhookRoute(server, deps);

  await server.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => createContextInner(deps, req.ip),
      onError({ path, error }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          // The cause keeps its stack for operators; inputs are never logged (patient data).
          deps.logger.error({ err: error.cause ?? error, path }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  return server;
}

export interface RunningServer {
  url: string;
  server: FastifyInstance;
  stop(): Promise<void>;
}

/** Listens, and gives a `stop` that lets in-flight requests finish before closing. */
export async function startServer(deps: AppDeps): Promise<RunningServer> {
  const server = await buildServer(deps);
  const address = await server.listen({ host: deps.config.host, port: deps.config.port });
  const url = address.replace('[::1]', 'localhost');
  return {
    url,
    server,
    stop: () => server.close(),
  };
}
