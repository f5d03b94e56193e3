/**
 * The patient SPA's whole world for a browser test: the Stripe emulator, the real API on its own
 * PostgreSQL database (its clock the emulator's, Stripe.js and the return URL configured as in
 * production), the SPA's Vite dev server proxying to it, and Chromium.
 *
 * Built here rather than with startTestStack(): STRIPE_JS_URL names the emulator, whose port is
 * known only once it runs, and PUBLIC_URL (Stripe's return URL) names the SPA, whose port is
 * reserved first so the API can be told it before the SPA starts.
 */
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '@clinicpay/api/testing';
import { DEMO_KEYS, startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { launchBrowser } from '../../support/browser.js';
import { freePort } from '@clinicpay/api/bench/free-port';

export interface PatientStack {
  api: TestApi;
  stripe: RunningEmulator;
  spaUrl: string;
  browser: Browser;
  /** Moves the one clock of the stack (the emulator's, which the API reads). */
  advance(seconds: number): void;
  stop(): Promise<void>;
}

export async function startPatientStack(options: { env?: Record<string, string> } = {}): Promise<PatientStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const stripe = await startEmulator({ port: 0, businessName: 'Riverside Family Clinic', retry: { maxAttempts: 3, initialDelayMs: 50 } });
    stops.push(() => stripe.stop());
    const spaPort = await freePort();
    const spaUrl = `http://127.0.0.1:${spaPort}`;
    const api = await startTestApi({
      clock: { now: () => new Date(stripe.clock.nowMs()) },
      env: {
        STRIPE_API_URL: stripe.url,
        STRIPE_JS_URL: `${stripe.url}/v3/stripe.js`,
        PUBLIC_URL: spaUrl,
        ...options.env,
      },
    });
    stops.push(() => api.stop());
    stripe.control.addWebhookEndpoint({ url: `${api.url}/webhooks/stripe`, secret: DEMO_KEYS.webhookSigningSecret });
    const closeSpa = await startPatientSpa(api.url, spaPort);
    stops.push(closeSpa);
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return {
      api,
      stripe,
      spaUrl: `${spaUrl}/`,
      browser,
      advance: (seconds) => {
        stripe.control.advanceClock(seconds);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The patient SPA's own Vite config on a fixed port (the API's PUBLIC_URL), proxying to the API. */
async function startPatientSpa(apiUrl: string, port: number): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../../apps/patient/', import.meta.url));
  const server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    cacheDir: `${root}node_modules/.vite-e2e-patient`,
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      hmr: false,
      proxy: {
        '/trpc': { target: apiUrl, changeOrigin: true },
        '/webhooks': { target: apiUrl, changeOrigin: true },
      },
    },
  });
  await server.listen();
  return () => server.close();
}
