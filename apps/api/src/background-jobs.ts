import type { Runtime } from './bootstrap.js';
import { startMailSender } from './services/mail/mail-job.js';
import { startSweeper } from './services/sweeper/sweeper.js';

/** What an API process runs besides serving requests: the sweeper and the mail sender, when configured. */
export function startBackgroundJobs(runtime: Runtime): { stop(): Promise<void> } {
  const { sweepIntervalSeconds, reconcileAfterSeconds, mail } = runtime.config;
  const jobs: { stop(): Promise<void> }[] = [];
  if (sweepIntervalSeconds > 0) {
    jobs.push(
      startSweeper(runtime, {
        intervalMs: sweepIntervalSeconds * 1000,
        reconcileAfterMs: reconcileAfterSeconds * 1000,
        exclusive: runtime.database.kind === 'postgres',
      }),
    );
  }
  if (mail.sendIntervalMs > 0)
    jobs.push(startMailSender(runtime, { intervalMs: mail.sendIntervalMs }));
  return { stop: async () => void (await Promise.all(jobs.map((job) => job.stop()))) };
}
