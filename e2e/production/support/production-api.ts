import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, waitForApi } from '@clinicpay/testing';

const run = promisify(execFile);
const API_DIR = fileURLToPath(new URL('../../../apps/api/', import.meta.url));

export interface ProductionSettings {
  databaseUrl: string;
  appSecret: string;
  patientDir: string;
  /** Unset: no admin build is served (the admin API answers all the same). */
  adminDir?: string;
  /** More of the API's settings, e.g. where Stripe is. */
  env?: Record<string, string>;
}

/** Only PATH is inherited: the developer's own DATABASE_URL or APP_SECRET must not leak in. */
const baseEnv = (settings: ProductionSettings) => ({
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  DATABASE_URL: settings.databaseUrl,
  APP_SECRET: settings.appSecret,
  LOG_LEVEL: 'warn',
});

/** An operator's command: `cli <args>` as the going-live guide tells them to run it. */
export async function cli(
  settings: ProductionSettings,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: API_DIR,
    env: { ...baseEnv(settings), ...env },
  });
  return stdout;
}

/** The API as production runs it, serving both SPAs' builds from its own origin. */
export async function startProductionApi(settings: ProductionSettings) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...baseEnv(settings),
      PORT: String(port),
      PUBLIC_URL: url,
      PATIENT_DIST_DIR: settings.patientDir,
      ADMIN_DIST_DIR: settings.adminDir ?? `${settings.patientDir}/no-admin-build`,
      ...settings.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForApi(child, url);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
