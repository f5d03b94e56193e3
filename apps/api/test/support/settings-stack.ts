// The set-up the Stripe-settings test files share: the emulator that knows their keys, and one
// signed-in API per public URL talking to it, started before the file's tests and stopped after.
import type { RunningEmulator } from '@clinicpay/stripe-emulator';
import { lateBound } from '@clinicpay/testing';
import { afterAll, beforeAll } from 'vitest';
import { startSettingsApi, startSettingsEmulator, type SignedInApi } from './admin-stripe.js';

export interface SettingsStack<Urls extends string[]> {
  stripe: RunningEmulator;
  /** One per public URL, in the order given; each reads the API once it is running. */
  apis: { [I in keyof Urls]: SignedInApi };
}

export function useSettingsStack<Urls extends string[]>(...publicUrls: Urls): SettingsStack<Urls> {
  let stripe: RunningEmulator | undefined;
  let started: SignedInApi[] = [];
  beforeAll(async () => {
    const emulator = await startSettingsEmulator();
    stripe = emulator;
    started = await Promise.all(publicUrls.map((url) => startSettingsApi(emulator, url)));
  });
  afterAll(async () => {
    for (const on of started) await on.api.stop();
    await stripe?.stop();
  });
  return {
    stripe: lateBound(() => stripe, 'The settings emulator'),
    apis: publicUrls.map((url, i) =>
      lateBound(() => started[i], `The API at ${url}`),
    ) as SettingsStack<Urls>['apis'],
  };
}
