// An emulator that knows the keys the settings tests paste: the demo test keys, a live pair, and
// two restricted keys (one with every right Clinicpay needs, one without checkout and refunds). Live-shaped keys are made at
// run time: a committed live-looking string reads as a leaked key.
import { generateApiKey, startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { startTestApi, type TestApi } from '../../src/testing.js';
import { signIn } from './admin-http.js';
import { DEMO_KEYS } from '@clinicpay/demo';

export const KEYS = {
  test: {
    secretKey: DEMO_KEYS.secretKey,
    publishableKey: DEMO_KEYS.publishableKey,
    webhookSigningSecret: DEMO_KEYS.webhookSigningSecret,
  },
  live: {
    secretKey: generateApiKey('sk', 'live'),
    publishableKey: generateApiKey('pk', 'live'),
    webhookSigningSecret: `whsec_${'L'.repeat(32)}`,
  },
  restrictedWithCheckout: generateApiKey('rk', 'test'),
  restrictedWithoutCheckout: generateApiKey('rk', 'test'),
  /** Well formed, but Stripe has never issued it. */
  unknown: generateApiKey('sk', 'test'),
};

export function startSettingsEmulator(): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    keys: [
      KEYS.test.secretKey,
      KEYS.test.publishableKey,
      KEYS.live.secretKey,
      KEYS.live.publishableKey,
      {
        key: KEYS.restrictedWithCheckout,
        rights: ['checkout_session_write', 'payment_intent_read', 'refund_write', 'event_read'],
      },
      { key: KEYS.restrictedWithoutCheckout, rights: ['payment_intent_read', 'event_read'] },
    ],
  });
}

export interface SignedInApi {
  api: TestApi;
  cookie: string;
}

export async function startSettingsApi(
  stripe: RunningEmulator,
  publicUrl: string,
): Promise<SignedInApi> {
  const api = await startTestApi({ env: { STRIPE_API_URL: stripe.url, PUBLIC_URL: publicUrl } });
  return { api, cookie: await signIn(api.url) };
}

/** Every credential the tests use, to prove none is stored or recorded in clear. */
export const ALL_SECRETS = [
  KEYS.test.secretKey,
  KEYS.test.webhookSigningSecret,
  KEYS.live.secretKey,
  KEYS.live.webhookSigningSecret,
  KEYS.restrictedWithCheckout,
];
