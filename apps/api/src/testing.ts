// For integration and browser tests: a real API on port 0 over its own PostgreSQL database
// (cloned from a migrated template), seeded with the demo clinic.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, relaxContactCapForTests } from '@clinicpay/db/testing';
import { generateApiKey, startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { createManualClock, type Clock } from './clock.js';
import { loadConfig, type Config } from './env.js';
import { openRuntime, type Runtime } from './bootstrap.js';
import { migrateAndSeed } from './seed/migrate-and-seed.js';
import { startServer } from './server.js';
import { createLogger } from './logger.js';
import { appRouter } from './routers/index.js';
import { createCallerFactory } from './trpc.js';
import { createContextInner } from './context.js';
import type { RequestMeta } from './http/request-meta.js';
import {
  guardCaller,
  guardServerResponses,
  type LeakReport,
} from './security/secret-leak-guard.js';
import { DEMO_KEYS, type SeedCredentials } from '@clinicpay/demo';
import { randomBytes } from 'node:crypto';

const NO_SPA_BUILD = join(tmpdir(), 'clinicpay-tests-serve-no-spa');

export const TEST_APP_SECRET = 'test-app-secret-of-at-least-32-characters';

// Every response in the suite is checked for secrets (they are write-only); a find fails that
// response (500) and the API's stop(), so no test can pass while one leaks.
const leaks: string[] = [];
const reportLeak: LeakReport = (where, found) => {
  leaks.push(`${where}: ${found.join(', ')}`);
};

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
    // The API's answers must not depend on whether someone built the SPAs in this checkout; the
    // static-serving tests point these at builds of their own.
    PATIENT_DIST_DIR: NO_SPA_BUILD,
    ADMIN_DIST_DIR: NO_SPA_BUILD,
    // Suites book hundreds of times from one address; the rate-limit tests set their own limits.
    BOOKING_RATE_LIMIT: '100000/1m',
    BOOKING_STATUS_RATE_LIMIT: '100000/1m',
    SIGN_IN_RATE_LIMIT: '100000/1m',
    // Suites book faster than any clinic; the challenge's own tests turn it back on.
    BOOKING_CHALLENGE: 'off',
    ...options.env,
  });
  const runtime = await openRuntime(config, {
    clock: options.clock ?? createManualClock(new Date()),
    logger: createLogger({ level: config.logLevel }),
  });
  if (options.seed !== false) {
    await migrateAndSeed(runtime);
    // Suites book one patient many times; the cap's own tests set the clinic's value back.
    await relaxContactCapForTests(runtime.db);
  }
  const running = await startServer(runtime, {
    configure: (server) => guardServerResponses(server, reportLeak),
  });
  return {
    url: running.url,
    runtime,
    db: runtime.db,
    config,
    async stop() {
      await running.stop();
      await runtime.close();
      await database.drop();
      if (leaks.length > 0) throw new Error(`Responses carried secrets:\n${leaks.join('\n')}`);
    },
  };
}

/** Calls procedures in-process, with the API's real context (no HTTP). */
export function createTestCaller(runtime: Runtime, ip = '127.0.0.1', request?: RequestMeta) {
  return guardCaller(
    createCallerFactory(appRouter)(createContextInner(runtime, ip, request)),
    reportLeak,
  );
}

export interface TestStack {
  api: TestApi;
  stripe: RunningEmulator;
  /** The one clock of the stack: the emulator's, read by the API too, so both move together. */
  advance(seconds: number): void;
  stop(): Promise<void>;
}

/**
 * The API and the Stripe emulator together: the API talks to the emulator through stripe-node,
 * and the emulator delivers signed webhooks to the API's real route.
 */
export async function startTestStack(
  options: { env?: Record<string, string>; webhooks?: boolean } = {},
): Promise<TestStack> {
  const stripe = await startEmulator({ port: 0, retry: { maxAttempts: 3, initialDelayMs: 50 } });
  const clock = { now: () => new Date(stripe.clock.nowMs()) };
  const api = await startTestApi({
    clock,
    env: { STRIPE_API_URL: stripe.url, PUBLIC_URL: 'http://localhost:5173', ...options.env },
  });
  if (options.webhooks !== false) {
    stripe.control.addWebhookEndpoint({
      url: `${api.url}/webhooks/stripe`,
      secret: DEMO_KEYS.webhookSigningSecret,
    });
  }
  return {
    api,
    stripe,
    advance: (seconds) => {
      stripe.control.advanceClock(seconds);
    },
    async stop() {
      // The sender first: no delivery may be on its way while the API closes.
      await stripe.stop();
      await api.stop();
    },
  };
}

/**
 * Credentials made for one run (an admin, Stripe test keys, a signing secret): what a stack that
 * starts the API in production seeds, since a production start refuses the published demo values.
 * The emulator accepts the keys once told about them (`keys`, `addWebhookEndpoint`).
 */
export function runCredentials(): SeedCredentials {
  const token = () => randomBytes(18).toString('base64url');
  return {
    admin: {
      email: `admin-${token().slice(0, 8)}@run.example`,
      name: 'Run Admin',
      password: token(),
    },
    stripe: {
      publishableKey: generateApiKey('pk', 'test'),
      secretKey: generateApiKey('sk', 'test'),
      webhookSigningSecret: `whsec_${token()}`,
    },
  };
}

/**
 * Migrates a database and seeds the demo clinic with `credentials`, for a stack that then starts
 * the API in production in a process of its own (the proof, the production e2e tests).
 */
export async function seedDatabase(
  databaseUrl: string,
  appSecret: string,
  credentials: SeedCredentials,
): Promise<void> {
  const runtime = await openRuntime(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      APP_SECRET: appSecret,
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    await migrateAndSeed(runtime, credentials);
    await relaxContactCapForTests(runtime.db);
  } finally {
    await runtime.close();
  }
}

// Tests that check what a webhook's follow-up calls to Stripe did wait for them first.
export { followUpsSettled } from './services/fulfilment/follow-ups.js';

// What tools that drive the API from outside (the proof's forgeries and fuzzing) must match.
export { CSRF_HEADER } from './http/request-meta.js';
export { forgetStripeSettings } from './services/gateways/stripe-settings-cache.js';
export { WEBHOOK_BODY_LIMIT } from './http/stripe-webhook.route.js';
export { securityEnvShape } from './security/security-config.js';

/** The mail sender a replica runs (background-jobs.ts), for stacks that start the API themselves. */
export { startMailSender } from './services/mail/mail-job.js';
export { upsertAdmin } from './seed/admin-users.js';
/** The code an authenticator app shows, for tools that sign in with two-factor from outside. */
export { totpCodeAt } from './services/two-factor/totp.js';
