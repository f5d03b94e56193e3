/**
 * The admin SPA's whole world for a browser test: the Stripe emulator, the real API on its own
 * PostgreSQL database (its clock the emulator's), the patient SPA (a patient pays in it), the admin
 * SPA, each on its own Vite dev server proxying to the API, and Chromium.
 *
 * Built like the patient stack (e2e/patient/support/patient-stack.ts): ports are reserved first so
 * the API's PUBLIC_URL (Stripe's return URL, and the Webhook URL the admin copies) is known.
 */
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '@clinicpay/api/testing';
import { DEMO_KEYS, startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { launchBrowser } from '../../support/browser.js';
import { freePort } from '@clinicpay/api/bench/free-port';

export interface AdminStack {
  api: TestApi;
  stripe: RunningEmulator;
  /** The admin SPA's entry, e.g. http://127.0.0.1:41234/admin/ */
  adminUrl: string;
  /** The patient SPA's entry (also the API's PUBLIC_URL). */
  patientUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startAdminStack(options: { env?: Record<string, string> } = {}): Promise<AdminStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const stripe = await startEmulator({ port: 0, businessName: 'Riverside Family Clinic', retry: { maxAttempts: 3, initialDelayMs: 50 } });
    stops.push(() => stripe.stop());
    const [patientPort, adminPort] = [await freePort(), await freePort()];
    const patientUrl = `http://127.0.0.1:${patientPort}`;
    const api = await startTestApi({
      clock: { now: () => new Date(stripe.clock.nowMs()) },
      env: { STRIPE_API_URL: stripe.url, STRIPE_JS_URL: `${stripe.url}/v3/stripe.js`, PUBLIC_URL: patientUrl, ...options.env },
    });
    stops.push(() => api.stop());
    // Stripe's deliveries to the API, signed with the seeded (demo) signing secret.
    stripe.control.addWebhookEndpoint({ url: `${api.url}/webhooks/stripe`, secret: DEMO_KEYS.webhookSigningSecret });
    stops.push(await startSpa('patient', api.url, patientPort));
    stops.push(await startSpa('admin', api.url, adminPort));
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return { api, stripe, adminUrl: `http://127.0.0.1:${adminPort}/admin/`, patientUrl: `${patientUrl}/`, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One SPA's own Vite config on a fixed port, proxying the API's routes (the CSV export too). */
async function startSpa(name: 'patient' | 'admin', apiUrl: string, port: number): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL(`../../../apps/${name}/`, import.meta.url));
  const server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    cacheDir: `${root}node_modules/.vite-e2e-${name}`,
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
        '/exports': { target: apiUrl, changeOrigin: true },
      },
    },
  });
  await server.listen();
  return () => server.close();
}
