import { startTestApi, type TestApi } from '@clinicpay/api/testing';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startSpa, type RunningSpa, type SpaName } from './vite.js';

export interface Stack {
  api: TestApi;
  spa: RunningSpa;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * The whole thing a browser test needs: a seeded API on its own database, one SPA's Vite server
 * proxying to it, and Chromium. Stops whatever did start if a later piece fails to.
 */
export async function startStack(name: SpaName): Promise<Stack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const api = await startTestApi();
    stops.push(() => api.stop());
    const spa = await startSpa(name, api.url);
    stops.push(() => spa.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return { api, spa, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
