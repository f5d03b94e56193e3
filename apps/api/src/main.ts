// The API process: `tsx src/main.ts`. Expects a migrated database (`cli migrate`).
import { loadConfig } from './env.js';
import { exitWithUserError } from './user-error.js';
import { openRuntime } from './bootstrap.js';
import { startServer } from './server.js';
import { startBackgroundJobs } from './background-jobs.js';
import { assertProductionReady } from './security/production-guards.js';

try {
  const runtime = await openRuntime(loadConfig());
  if (runtime.config.nodeEnv === 'production') await assertProductionReady(runtime);
  const running = await startServer(runtime);
  const jobs = startBackgroundJobs(runtime);
  const shutdown = async (signal: string) => {
    runtime.logger.info({ signal }, 'shutting down');
    await jobs.stop();
    await running.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  exitWithUserError(error);
}
