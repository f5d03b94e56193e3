// For integration and browser tests: a real API on port 0 over its own PostgreSQL database
// (cloned from a migrated template), seeded with the demo clinic.
import { createTestDatabase } from '@clinicpay/db/testing';
import { createManualClock, type Clock } from './clock.js';
import { loadConfig, type Config } from './env.js';
import { openRuntime, type Runtime } from './bootstrap.js';
import { migrateAndSeed } from './seed/migrate-and-seed.js';
import { startServer } from './server.js';
import { createLogger } from './logger.js';
import { appRouter } from './routers/index.js';
import { createCallerFactory, createContextInner } from './trpc.js';

export const TEST_APP_SECRET = 'test-app-secret-of-at-least-32-characters';

export interface TestApi {
  url: string;
  runtime: Runtime;
  db: Runtime['db'];
  config: Config;
  stop(): Promise<void>;
}

export async function startTestApi(
  options: { env?: Record<string, string>; clock?: Clock; seed?: boolean } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    APP_SECRET: TEST_APP_SECRET,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const runtime = await openRuntime(config, {
    clock: options.clock ?? createManualClock(new Date()),
    logger: createLogger({ level: config.logLevel }),
  });
  if (options.seed !== false) await migrateAndSeed(runtime);
  const running = await startServer(runtime);
  return {
    url: running.url,
    runtime,
    db: runtime.db,
    config,
    async stop() {
      await running.stop();
      await runtime.close();
      await database.drop();
    },
  };
}

/** Calls procedures in-process, with the API's real context (no HTTP). */
export function createTestCaller(runtime: Runtime, ip = '127.0.0.1') {
  return createCallerFactory(appRouter)(createContextInner(runtime, ip));
}
