import type { ChildProcess } from 'node:child_process';
import { answersHealthz } from './answers-healthz.js';

/**
 * Waits for a freshly spawned API process to answer /healthz. Throws when it exits or stays
 * silent, so a benchmark never measures requests against an API that is not there.
 */
export async function waitForApi(
  child: ChildProcess,
  url: string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The API process exited (${child.exitCode ?? child.signalCode}) before answering ${url}/healthz; its output is above.`,
      );
    }
    if (await answersHealthz(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  throw new Error(`The API process did not answer ${url}/healthz within ${timeoutMs / 1000} s.`);
}
