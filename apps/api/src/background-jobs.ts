import type { Runtime } from './bootstrap.js';
import { startSweeper } from './services/sweeper/sweeper.js';

/** What an API process runs besides serving requests: the sweeper, when configured. */
export function startBackgroundJobs(runtime: Runtime): { stop(): Promise<void> } {
  const { sweepIntervalSeconds, reconcileAfterSeconds } = runtime.config;
  if (sweepIntervalSeconds === 0) return { stop: async () => {} };
  return startSweeper(runtime, {
    intervalMs: sweepIntervalSeconds * 1000,
    reconcileAfterMs: reconcileAfterSeconds * 1000,
    exclusive: runtime.database.kind === 'postgres',
  });
}
