// The stack of this part, from the proof's support pieces: its own PostgreSQL cluster, an emulator
// that knows this run's fresh keys (startProofStack's emulator knows only the demo ones), and two
// production API processes on one database: one told it is reached over https (PUBLIC_URL), as
// behind a TLS proxy, and one on plain http, so HSTS can be seen present and absent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEYS, startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { createApiReplica, type ApiReplica } from '../support/api-replica.js';
import { prepareDatabase } from '../support/prepare-database.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';
import type { StripeKeySet } from './fresh-secrets.js';

export interface SecurityStack {
  postgres: ThrowawayPostgres;
  databaseUrl: string;
  stripe: RunningEmulator;
  /** PUBLIC_URL https://…: Secure cookies, HSTS, Live mode allowed. */
  https: ApiReplica;
  /** PUBLIC_URL http://…: what development and a plain-http deployment look like. */
  http: ApiReplica;
  workDir: string;
  stop(): Promise<void>;
}

export const HTTPS_PUBLIC_URL = 'https://clinic.proof.example';

export async function startSecurityStack(options: { keys: { test: StripeKeySet; live: StripeKeySet }; env: Record<string, string> }): Promise<SecurityStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'clinicpay-proof-security-'));
  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const postgres = await startThrowawayPostgres();
    stops.push(() => postgres.stop());
    const databaseUrl = postgres.createDatabase('clinicpay');
    await prepareDatabase(databaseUrl);

    const { test, live } = options.keys;
    const stripe = await startEmulator({
      port: 0,
      signatureClock: 'real',
      keys: [DEMO_KEYS.secretKey, DEMO_KEYS.publishableKey, test.secretKey, test.publishableKey, live.secretKey, live.publishableKey],
    });
    stops.push(() => stripe.stop());

    const env = { STRIPE_API_URL: stripe.url, STRIPE_JS_URL: `${stripe.url}/v3/stripe.js`, DATABASE_POOL_SIZE: '5', ...options.env };
    const replica = async (name: string, extra: Record<string, string>) => {
      const r = await createApiReplica({ name, databaseUrl, logFile: join(workDir, `${name}.log`), env: { ...env, ...extra } });
      await r.start();
      stops.push(() => r.stop());
      return r;
    };
    const https = await replica('api-https', { PUBLIC_URL: HTTPS_PUBLIC_URL });
    const http = await replica('api-http', {});
    return { postgres, databaseUrl, stripe, https, http, workDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
