// The API process: `tsx src/main.ts`. Expects a migrated database (`cli migrate`).
import { loadConfig } from './env.js';
import { exitWithUserError } from './user-error.js';
import { openRuntime } from './bootstrap.js';
import { startServer } from './server.js';

try {
  const runtime = await openRuntime(loadConfig());
  const running = await startServer(runtime);
  const shutdown = async (signal: string) => {
    runtime.logger.info({ signal }, 'shutting down');
    await running.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  exitWithUserError(error);
}
