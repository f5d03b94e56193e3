// `pnpm smoke:stripe` as CI runs it: against the Stripe emulator, the deployment configured as for
// Stripe's test mode except for Stripe's addresses and keys. The script itself is the one an
// operator runs against real Stripe.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCredentials, seedDatabase } from '@clinicpay/api/testing';
import { createTestDatabase, type TestDatabase } from '@clinicpay/db/testing';
import { startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpa } from '../support/build-spa.js';
import { startProductionApi } from './support/production-api.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP_SECRET = 'smoke-app-secret-of-at-least-32-chars';

/** `pnpm smoke:stripe` from the repository's root, with only these variables set. */
function smoke(env: Record<string, string>) {
  return run('pnpm', ['--silent', 'smoke:stripe'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    timeout: 180_000,
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('pnpm smoke:stripe', () => {
  const credentials = runCredentials();
  let database: TestDatabase;
  let stripe: RunningEmulator;
  let api: Awaited<ReturnType<typeof startProductionApi>>;
  let patientDir: string;

  beforeAll(async () => {
    patientDir = await mkdtemp(join(tmpdir(), 'smoke-patient-'));
    await buildSpa('patient', patientDir);
    database = await createTestDatabase();
    // A clinic with Stripe on in Sandbox, its keys made for this run (production refuses the demo's).
    await seedDatabase(database.url, APP_SECRET, credentials);
    stripe = await startEmulator({
      port: 0,
      keys: [credentials.stripe.secretKey, credentials.stripe.publishableKey],
      businessName: 'Riverside Family Clinic',
    });
    api = await startProductionApi({
      databaseUrl: database.url,
      appSecret: APP_SECRET,
      patientDir,
      env: { STRIPE_API_URL: stripe.url, STRIPE_JS_URL: `${stripe.url}/v3/stripe.js` },
    });
    stripe.control.addWebhookEndpoint({
      url: `${api.url}/webhooks/stripe`,
      secret: credentials.stripe.webhookSigningSecret,
    });
  }, 240_000);
  afterAll(async () => {
    await stripe?.stop();
    await api?.stop();
    await database?.drop();
    await rm(patientDir, { recursive: true, force: true });
  });

  it('says in one line what it needs, and exits non-zero', async () => {
    const result = await smoke({});
    expect(result.code).toBe(1);
    // pnpm adds its own "[ELIFECYCLE] Command failed" line after the script's.
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => !line.startsWith('[ELIFECYCLE]'))).toEqual([
      'smoke:stripe: set SMOKE_URL (the patient page, e.g. https://book.clinic.example), SMOKE_ADMIN_EMAIL, SMOKE_ADMIN_PASSWORD; see docs/going-live.md, "Checking a deployment".',
    ]);
  });

  it('books and pays in Chromium, and finds the webhook applied to the payment', async () => {
    const result = await smoke({
      SMOKE_URL: api.url,
      SMOKE_ADMIN_EMAIL: credentials.admin.email,
      SMOKE_ADMIN_PASSWORD: credentials.admin.password,
      CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^smoke:stripe passed in [\d.]+ s: CP-[0-9A-Z]+ paid with the test card, payment completed, (checkout\.session\.completed|payment_intent\.succeeded) applied/,
    );
    // The emulator delivered to this deployment, as Stripe would.
    expect(
      stripe.control
        .deliveries()
        .filter((d) => d.status === 'succeeded')
        .map((d) => d.eventType),
    ).toContain('checkout.session.completed');
  });
});
