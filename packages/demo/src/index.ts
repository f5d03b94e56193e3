// The public demo values, in one place: the emulator accepts these keys, `npm start` and the tests
// seed them, and a production start refuses to run while any of them is still in use. They are
// published in the README, so they must never guard anything real.

/** Test-mode keys that only ever work against the Stripe emulator. */
export const DEMO_KEYS = {
  secretKey: 'sk_test_51ClinicpayDemoEmulatorSecretKey000000000000000000000000000000000000',
  publishableKey: 'pk_test_51ClinicpayDemoEmulatorPublishableKey0000000000000000000000000000000',
  webhookSigningSecret: 'whsec_clinicpayDemoEmulatorSigningSecret0000000',
} as const;

/** The demo clinic's admin sign-in. */
export const DEMO_ADMIN = {
  email: 'admin@clinicpay.test',
  name: 'Demo Admin',
  password: 'demo-admin-password',
} as const;

/** What a seeded clinic signs in and takes payments with: the demo's, or values made for one run. */
export interface SeedCredentials {
  admin: { email: string; name: string; password: string };
  stripe: { publishableKey: string; secretKey: string; webhookSigningSecret: string };
}

export const DEMO_CREDENTIALS: SeedCredentials = { admin: DEMO_ADMIN, stripe: DEMO_KEYS };
