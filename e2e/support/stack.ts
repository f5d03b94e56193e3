/**
 * The whole world of a browser test: the Stripe emulator, the real API on its own PostgreSQL
 * database (its clock the emulator's, Stripe.js and the return URL configured as in production),
 * the SPAs asked for, each on its own Vite dev server proxying to the API, and Chromium.
 *
 * The SPAs' ports are reserved first: the API's PUBLIC_URL (Stripe's return URL, and the Webhook
 * URL the admin copies) names the patient SPA, and STRIPE_JS_URL names the emulator, whose port is
 * known only once it runs. Stops whatever did start if a later piece fails to.
 */
import { freePort } from '@clinicpay/testing';
import { startMailSender, startTestApi, type TestApi } from '@clinicpay/api/testing';
import { startMailCatcher, type MailCatcher } from '@clinicpay/mail-catcher';
import { startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startSpa, type SpaName } from './vite.js';
import { DEMO_KEYS } from '@clinicpay/demo';

export interface Stack {
  api: TestApi;
  stripe: RunningEmulator;
  /** Every e-mail the API sent, as `npm start`'s catcher shows it. */
  mail: MailCatcher;
  /** A started SPA's entry URL, e.g. http://127.0.0.1:41234/admin/ */
  urlOf(name: SpaName): string;
  browser: Browser;
  /** Moves the one clock of the stack (the emulator's, which the API reads). */
  advance(seconds: number): void;
  stop(): Promise<void>;
}

export async function startStack(options: {
  spas: SpaName[];
  env?: Record<string, string>;
}): Promise<Stack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const stripe = await startEmulator({
      port: 0,
      businessName: 'Riverside Family Clinic',
      retry: { maxAttempts: 3, initialDelayMs: 50 },
    });
    stops.push(() => stripe.stop());
    const mail = await startMailCatcher();
    stops.push(() => mail.stop());
    const patientPort = await freePort();
    const adminPort = await freePort();
    const api = await startTestApi({
      clock: { now: () => new Date(stripe.clock.nowMs()) },
      env: {
        STRIPE_API_URL: stripe.url,
        STRIPE_JS_URL: `${stripe.url}/v3/stripe.js`,
        PUBLIC_URL: `http://127.0.0.1:${patientPort}`,
        ADMIN_URL: `http://127.0.0.1:${adminPort}/admin/`,
        SMTP_URL: mail.smtpUrl,
        MAIL_FROM: 'Riverside Family Clinic <bookings@riverside-clinic.example>',
        ...options.env,
      },
    });
    stops.push(() => api.stop());
    // The API's own sender, as a replica runs it, often enough that mail lands within a second.
    const sender = startMailSender(api.runtime, { intervalMs: 250 });
    stops.push(() => sender.stop());
    // Stripe's deliveries to the API, signed with the seeded (demo) signing secret.
    stripe.control.addWebhookEndpoint({
      url: `${api.url}/webhooks/stripe`,
      secret: DEMO_KEYS.webhookSigningSecret,
    });
    const urls = new Map<SpaName, string>();
    for (const name of options.spas) {
      const spa = await startSpa(name, api.url, name === 'patient' ? patientPort : adminPort);
      stops.push(() => spa.close());
      urls.set(name, spa.url);
    }
    const urlOf = (name: SpaName) => {
      const url = urls.get(name);
      if (!url)
        throw new Error(
          `The ${name} SPA was not started in this stack: add it to startStack's spas.`,
        );
      return url;
    };
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const advance = (seconds: number) => {
      stripe.control.advanceClock(seconds);
    };
    return { api, stripe, mail, urlOf, browser, advance, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
