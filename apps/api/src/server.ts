import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerHealthRoute } from './http/health.route.js';
import { registerStripeWebhookRoute } from './http/stripe-webhook.route.js';
import { registerCors } from './http/cors.js';
import { requestMetaFrom } from './http/request-meta.js';
import { registerRequestLog } from './http/request-log.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSpaStaticRoutes } from './http/spa-static.route.js';
import { registerAuditCsvRoute } from './http/audit-csv.route.js';
import { registerTransactionsCsvRoute } from './http/transactions-csv.route.js';
import { registerUntrustedProxyHint } from './http/untrusted-proxy-hint.js';
import { registerTrpcBatchLimit } from './http/trpc-batch-limit.js';
import { registerCatalogueReads } from './http/catalogue-reads.js';
import { TRPC_MAX_BATCH_ITEMS } from '@clinicpay/contracts';
import { appRouter, type AppRouter } from './routers/index.js';
import type { AppDeps } from './deps.js';
import { createContextInner } from './context.js';
import { followUpsSettled } from './services/fulfilment/follow-ups.js';

/** Builds the HTTP server (not listening yet), so tests can `inject` or listen on port 0. */
export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  // Typed as Fastify's logger so the instance keeps Fastify's default generics.
  const logger: FastifyBaseLogger = deps.logger;
  const server = Fastify({
    loggerInstance: logger,
    routerOptions: { maxParamLength: 5000 },
    // Every tRPC input is small; the webhook route sets its own limit.
    bodyLimit: 128 * 1024,
    // Fastify's own request lines include the query string, where tRPC queries carry their input.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.security.trustProxy,
  });

  registerRequestLog(server);
  registerUntrustedProxyHint(server);
  registerSecurityHeaders(server, { https: deps.config.security.https });
  registerCors(server, deps.config.security.corsOrigins);

  registerHealthRoute(server, deps);
  await registerStripeWebhookRoute(server, deps);
  registerTransactionsCsvRoute(server, deps);
  registerAuditCsvRoute(server, deps);
  // The built SPAs at / and /admin/ (production); without builds, nothing is served there.
  await registerSpaStaticRoutes(server, deps);

  registerTrpcBatchLimit(server);
  registerCatalogueReads(server, deps);
  await server.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      // Also enforced by tRPC itself, behind the hook that answers with a sentence first.
      maxBatchSize: TRPC_MAX_BATCH_ITEMS,
      createContext: ({ req, res }) => createContextInner(deps, req.ip, requestMetaFrom(req, res)),
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
export async function startServer(
  deps: AppDeps,
  options: { configure?: (server: FastifyInstance) => void } = {},
): Promise<RunningServer> {
  const server = await buildServer(deps);
  // Hooks can only be added before listening (the test suite's secret-leak guard is one).
  options.configure?.(server);
  const address = await server.listen({ host: deps.config.host, port: deps.config.port });
  const url = address.replace('[::1]', 'localhost');
  return {
    url,
    server,
    // In-flight requests finish first, then the Stripe calls they started after answering.
    stop: async () => {
      await server.close();
      await followUpsSettled();
    },
  };
}
