// One API process as production runs it (`tsx src/main.ts`, NODE_ENV=production), on a fixed port
// so it can be killed and started again at the same address the emulator delivers to.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { answersHealthz, freePort } from '@clinicpay/testing';

export const PROOF_APP_SECRET = 'proof-app-secret-of-at-least-32-characters';
const API_DIR = resolve(import.meta.dirname, '../../../apps/api');

export interface ApiReplica {
  name: string;
  url: string;
  /** Everything the process wrote (pino JSON lines), for the secret scan. */
  logFile: string;
  /** Times the process ended on its own (not by kill() or stop()): each one is a crash. */
  readonly crashes: number;
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, in-flight requests and transactions are cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApiReplica(options: {
  name: string;
  databaseUrl: string;
  logFile: string;
  env?: Record<string, string>;
}): Promise<ApiReplica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log: WriteStream | undefined;
  let crashes = 0;
  let ending = false;

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once('exit', () => r()));

  const replica: ApiReplica = {
    name: options.name,
    url,
    logFile: options.logFile,
    get crashes() {
      return crashes;
    },
    async start() {
      ending = false;
      log = createWriteStream(options.logFile, { flags: 'a' });
      child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: API_DIR,
        // Only PATH is inherited: the developer's own DATABASE_URL or APP_SECRET must not leak in.
        env: {
          // eslint-disable-next-line no-restricted-properties
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          PUBLIC_URL: url,
          DATABASE_URL: options.databaseUrl,
          APP_SECRET: PROOF_APP_SECRET,
          LOG_LEVEL: 'info',
          // Load runs book faster than any clinic; the proof's flood section turns it on itself.
          BOOKING_CHALLENGE: 'off',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.once('exit', () => {
        if (!ending) crashes++;
      });
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      const started = Date.now();
      while (Date.now() - started < 60_000) {
        if (child.exitCode !== null)
          throw new Error(
            `API replica ${options.name} exited with ${child.exitCode}; see ${options.logFile}`,
          );
        if (await answersHealthz(url)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(
        `API replica ${options.name} did not answer /healthz within 60 s; see ${options.logFile}`,
      );
    },
    async kill() {
      if (!child) return;
      ending = true;
      child.kill('SIGKILL');
      await exited(child);
      log?.end();
    },
    async stop() {
      if (!child) return;
      ending = true;
      child.kill('SIGTERM');
      await exited(child);
      log?.end();
    },
  };
  return replica;
}
