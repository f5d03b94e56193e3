// The production shape the proof runs against: its own PostgreSQL cluster, API replicas as
// separate processes, and the Stripe emulator delivering every event to each replica.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
  type WebhookFaults,
} from '@clinicpay/stripe-emulator';
import { createApiReplica, type ApiReplica } from './api-replica.js';
import { prepareDatabase } from './prepare-database.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';
import { runCredentials } from '@clinicpay/api/testing';
import type { SeedCredentials } from '@clinicpay/demo';

export interface ProofStack {
  postgres: ThrowawayPostgres;
  databaseUrl: string;
  replicas: ApiReplica[];
  stripe: RunningEmulator;
  /** The admin sign-in and Stripe keys this run's database was seeded with. */
  credentials: SeedCredentials;
  /** Folder of the run's logs (one file per replica). */
  workDir: string;
  stop(): Promise<void>;
}

export interface ProofStackOptions {
  replicas: number;
  /** Extra API environment (rate limits, sweeper timings). */
  env?: Record<string, string>;
  /** Extra environment of one replica (by index), e.g. a PUBLIC_URL of its own. */
  replicaEnv?: (index: number) => Record<string, string>;
  /** API keys the emulator accepts besides the run's own (more keys made for the run). */
  extraKeys?: string[];
  /** Serve Stripe.js from the emulator (STRIPE_JS_URL), so pages can be driven in a browser. */
  stripeJs?: boolean;
  /** false: the emulator delivers no events (a part that sends its own requests). Default true. */
  webhooks?: boolean;
  /** Faults of each replica's webhook endpoint. */
  faults?: WebhookFaults;
  retry?: EmulatorOptions['retry'];
  /** Deliveries in flight per endpoint (Stripe sends concurrently; the emulator's default is 1). */
  maxInFlight?: number;
  seed?: number;
}

export async function startProofStack(options: ProofStackOptions): Promise<ProofStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'clinicpay-proof-'));
  // The logs are read before stop(); afterwards nothing is kept.
  const stops: Array<() => Promise<void> | void> = [
    () => rmSync(workDir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const postgres = await startThrowawayPostgres();
    stops.push(() => postgres.stop());
    const databaseUrl = postgres.createDatabase('clinicpay');
    const credentials = runCredentials();
    await prepareDatabase(databaseUrl, credentials);

    const stripe = await startEmulator({
      port: 0,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.retry ? { retry: options.retry } : {}),
      // Real time in signatures: the API checks the timestamp against its own (real) clock.
      signatureClock: 'real',
      // Every delivery of a long run stays countable.
      deliveryLogCapacity: 500_000,
      keys: [
        credentials.stripe.secretKey,
        credentials.stripe.publishableKey,
        ...(options.extraKeys ?? []),
      ],
    });
    stops.push(() => stripe.stop());

    const replicas: ApiReplica[] = [];
    for (let i = 0; i < options.replicas; i++) {
      const replica = await createApiReplica({
        name: `api-${i + 1}`,
        databaseUrl,
        logFile: join(workDir, `api-${i + 1}.log`),
        env: {
          STRIPE_API_URL: stripe.url,
          ...(options.stripeJs ? { STRIPE_JS_URL: `${stripe.url}/v3/stripe.js` } : {}),
          DATABASE_POOL_SIZE: '10',
          ...options.env,
          ...options.replicaEnv?.(i),
        },
      });
      await replica.start();
      stops.push(() => replica.stop());
      replicas.push(replica);
      if (options.webhooks === false) continue;
      stripe.control.addWebhookEndpoint({
        url: `${replica.url}/webhooks/stripe`,
        secret: credentials.stripe.webhookSigningSecret,
        ...(options.faults ? { faults: options.faults } : {}),
        ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
      });
    }
    // The emulator stops before the replicas (stops run in reverse), so no delivery is in flight.
    return { postgres, databaseUrl, replicas, stripe, credentials, workDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
