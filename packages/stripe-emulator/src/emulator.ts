/**
 * Assembles the emulator: state, clock, keys, webhooks, API and control, and starts it on a port.
 * `startEmulator({ port: 0 })` from tests; `src/cli.ts` from a terminal.
 */
import type { AddressInfo } from 'node:net';
import { Clock, type ClockOptions } from './clock';
import { createControl, type EmulatorControl } from './control/control';
import { IdempotencyStore } from './idempotency';
import { defaultKeys, Keyring, type ApiKeyConfig } from './keys';
import { expireDueSessions } from './payments/expire-session';
import { settleDue } from './payments/settle-due';
import { paySession, type PayOptions, type PayResult } from './payments/pay-session';
import { TEST_CARDS } from './payments/test-cards';
import { ApiLatency } from './api-latency';
import { RateLimiter, type RateLimitRule } from './rate-limit';
import { RequestLog } from './request-log';
import { checkoutSessionRoutes } from './resources/checkout-sessions';
import { eventRoutes } from './resources/events';
import { paymentRoutes } from './resources/payments';
import { refundRoutes } from './resources/refunds';
import { Router } from './routes';
import { createHttpServer } from './server';
import { EmulatorState } from './state';
import { WebhookDispatcher } from './webhooks/dispatcher';
import type { RetryPolicy, WebhookEndpointConfig } from './webhooks/endpoints';

export const DEFAULT_PORT = 12111;
export const DEFAULT_BUSINESS_NAME = 'Clinicpay sandbox';
const EVENT_RETENTION_SECONDS = 30 * 24 * 3600;

export interface EmulatorOptions {
  /** Default 12111; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Accepted API keys (strings or `{ key, rights }` for restricted keys). Default: DEMO_KEYS. */
  keys?: readonly (ApiKeyConfig | string)[];
  webhooks?: readonly WebhookEndpointConfig[];
  /** Default retry policy for every endpoint. */
  retry?: Partial<RetryPolicy>;
  /** Seeds the fault-injection RNG so tests are repeatable. */
  seed?: number;
  clock?: ClockOptions;
  /** Largest request body accepted (bytes); default 1 MB. */
  bodyLimit?: number;
  /** How often sessions past `expires_at` are expired in real time; default 1000 ms. */
  expirySweepMs?: number;
  /** `t=` in webhook signatures: the emulator's clock (default) or the real one. */
  signatureClock?: 'emulator' | 'real';
  /** Deliveries kept for inspection (newest last); default 5,000. A load test that counts them all raises it. */
  deliveryLogCapacity?: number;
  /** The merchant name the checkout page shows above the amount; default "Clinicpay sandbox". */
  businessName?: string;
  /** Answers this share of matching requests 429 from the start (off by default). */
  rateLimit?: RateLimitRule;
}

export interface RunningEmulator {
  url: string;
  port: number;
  host: string;
  clock: Clock;
  state: EmulatorState;
  control: EmulatorControl;
  /** The payment flow, for in-process callers such as the checkout page. */
  paySession(sessionId: string, card?: string, options?: PayOptions): PayResult;
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const clock = new Clock(options.clock);
  const state = new EmulatorState(clock);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const dispatcher = new WebhookDispatcher({
    seed,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.deliveryLogCapacity ? { logCapacity: options.deliveryLogCapacity } : {}),
    now:
      options.signatureClock === 'real' ? () => Math.floor(Date.now() / 1000) : () => clock.now(),
  });
  state.sink = dispatcher;
  for (const endpoint of options.webhooks ?? []) dispatcher.addEndpoint(endpoint);
  const idempotency = new IdempotencyStore();
  const requests = new RequestLog();
  const latency = new ApiLatency(seed + 0x1a7e);
  const keyring = new Keyring(options.keys ?? defaultKeys());
  // Its own generator (seed + a constant) so webhook faults draw the same numbers as before.
  const rateLimit = new RateLimiter(seed + 0x5eed, options.rateLimit ?? null);
  const control = createControl({
    state,
    clock,
    dispatcher,
    idempotency,
    requests,
    latency,
    rateLimit,
    initialRateLimit: options.rateLimit ?? null,
    keyring,
  });
  const api = {
    state,
    keyring,
    router: new Router([
      ...checkoutSessionRoutes,
      ...paymentRoutes,
      ...refundRoutes,
      ...eventRoutes,
    ]),
    idempotency,
    requests,
    latency,
    rateLimit,
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
  };
  const checkoutPage = {
    state,
    keyring,
    businessName: options.businessName ?? DEFAULT_BUSINESS_NAME,
  };
  const server = createHttpServer({ api, control, checkoutPage, publicUrl: () => state.baseUrl });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.baseUrl = url;

  // Sessions expire by the clock: at once when a test advances it, and on a timer in real time.
  const prune = () => {
    idempotency.prune(clock.nowMs());
    for (const mode of ['test', 'live'] as const)
      state.store(mode).pruneEvents(clock.now() - EVENT_RETENTION_SECONDS);
  };
  const offClock = clock.onChange(() => {
    settleDue(state);
    expireDueSessions(state);
    prune();
  });
  // Once a minute, also forget idempotency keys past 24 hours and events past 30 days, so a
  // long-running dev emulator does not grow without bound.
  let sweeps = 0;
  const sweepMs = options.expirySweepMs ?? 1000;
  const sweep = setInterval(() => {
    settleDue(state);
    expireDueSessions(state);
    if (++sweeps % Math.max(1, Math.round(60_000 / sweepMs)) === 0) prune();
  }, sweepMs);
  sweep.unref();

  return {
    url,
    port,
    host,
    clock,
    state,
    control,
    paySession: (sessionId, card = TEST_CARDS.success, payOptions) =>
      paySession(state, sessionId, card, payOptions),
    async stop() {
      offClock();
      clearInterval(sweep);
      dispatcher.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
