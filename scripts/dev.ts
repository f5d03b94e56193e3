// The whole system on one machine, for development and demos: the Stripe emulator, a mail catcher,
// the API (on embedded PGlite unless DATABASE_URL is set), a seeded demo clinic, and both SPAs'
// Vite servers.
// Run through `npm start` (which installs first) or `pnpm dev`.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { startMailCatcher } from '@clinicpay/mail-catcher';
import { startEmulator } from '@clinicpay/stripe-emulator';
import {
  DEMO_CLINIC,
  exitWithUserError,
  loadConfig,
  demoAdminStillWorks,
  migrateAndSeedIfEmpty,
  openRuntime,
  startBackgroundJobs,
  startServer,
} from '@clinicpay/api/runtime';
import { DEMO_ADMIN, DEMO_KEYS } from '@clinicpay/demo';

const started = performance.now();
const root = resolve(import.meta.dirname, '..');
const ports = {
  api: Number(process.env.PORT ?? 3000),
  emulator: Number(process.env.STRIPE_EMULATOR_PORT ?? 12111),
  patient: Number(process.env.PATIENT_PORT ?? 5173),
  admin: Number(process.env.ADMIN_PORT ?? 5174),
  mailSmtp: Number(process.env.MAIL_SMTP_PORT ?? 1025),
  mailWeb: Number(process.env.MAIL_WEB_PORT ?? 1080),
};

async function main() {
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const emulator = await startEmulator({
    port: ports.emulator,
    // What a patient sees as the merchant on the card form: the clinic's Stripe account name.
    businessName: DEMO_CLINIC.name,
    webhooks: [{ url: `${apiUrl}/webhooks/stripe`, secret: DEMO_KEYS.webhookSigningSecret }],
  });
  // Every e-mail the API sends lands here (unless SMTP_URL points elsewhere), readable on its page.
  const mail = await startMailCatcher({ smtpPort: ports.mailSmtp, httpPort: ports.mailWeb });

  const config = loadConfig({
    ...process.env,
    PORT: String(ports.api),
    DATA_DIR: process.env.DATA_DIR ?? resolve(root, '.data'),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${ports.patient}`,
    STRIPE_API_URL: process.env.STRIPE_API_URL ?? emulator.url,
    // With STRIPE_API_URL set to a real Stripe, Stripe.js comes from its default (js.stripe.com).
    STRIPE_JS_URL:
      process.env.STRIPE_JS_URL ??
      (process.env.STRIPE_API_URL ? undefined : `${emulator.url}/v3/stripe.js`),
    SMTP_URL: process.env.SMTP_URL ?? mail.smtpUrl,
    MAIL_FROM: process.env.MAIL_FROM ?? 'Clinicpay demo <bookings@clinicpay.localhost>',
    // The links in e-mails to clinic staff.
    ADMIN_URL: process.env.ADMIN_URL ?? `http://localhost:${ports.admin}/admin/`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const runtime = await openRuntime(config);
  const seeded = await migrateAndSeedIfEmpty(runtime);
  const signIn = (await demoAdminStillWorks(runtime.db))
    ? `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`
    : 'an admin of this database (`pnpm --filter @clinicpay/api cli create-admin` adds one)';
  const api = await startServer(runtime);
  const jobs = startBackgroundJobs(runtime);

  process.env.API_URL = apiUrl;
  const spas: ViteDevServer[] = [];
  for (const [name, port] of [
    ['patient', ports.patient],
    ['admin', ports.admin],
  ] as const) {
    const vite = await createViteServer({
      root: resolve(root, 'apps', name),
      configFile: resolve(root, 'apps', name, 'vite.config.ts'),
      server: { port, strictPort: true, host: '127.0.0.1' },
      logLevel: 'warn',
    });
    await vite.listen();
    spas.push(vite);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Clinicpay is running (ready in ${seconds} s, database: ${runtime.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})

  Patient booking   http://localhost:${ports.patient}/
  Clinic admin      http://localhost:${ports.admin}/admin/
  API               ${api.url}  (health: ${api.url}/healthz)
  Stripe emulator   ${emulator.url}/
  Mail              http://localhost:${new URL(mail.url).port}/  (SMTP ${new URL(mail.smtpUrl).host})

  Admin sign-in     ${signIn}
  Stripe (Sandbox)  ${DEMO_KEYS.publishableKey} · ${DEMO_KEYS.secretKey}
  Webhook secret    ${DEMO_KEYS.webhookSigningSecret}

Press Ctrl+C to stop.`);
  if (!seeded) {
    console.log(
      config.nodeEnv === 'production'
        ? 'NODE_ENV=production: the demo clinic is never seeded; set up the clinic in the admin.'
        : 'The database already has a clinic or an admin, so the demo clinic was not seeded.',
    );
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(spas.map((vite) => vite.close()));
    await jobs.stop();
    await api.stop();
    await runtime.close();
    await emulator.stop();
    await mail.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch(exitWithUserError);
