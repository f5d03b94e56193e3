// `pnpm smoke:stripe`: one booking paid through the patient page in Chromium with Stripe's
// always-paid test card, then proof through the admin API that Stripe's webhook reached the
// deployment and was applied to that payment. It talks to whatever Stripe the deployment's settings
// name (Stripe's test mode, or the emulator in CI): only the address and the admin differ.
//   SMOKE_URL=https://book.clinic.example SMOKE_ADMIN_EMAIL=… SMOKE_ADMIN_PASSWORD=… pnpm smoke:stripe
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import {
  chooseDoctor,
  chooseFirstFreeTime,
  choosePayment,
  fillDetails,
  resultHeading,
} from '../patient/support/booking-page.js';
import { AdminApi, publicQuery } from './admin-api.js';
import { payWithTestCard } from './card-form.js';

const PATIENT = { name: 'Smoke Test', email: 'smoke-test@example.com', phone: '+1 212 555 0199' };
const WEBHOOK_TYPES = ['checkout.session.completed', 'payment_intent.succeeded'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(line: string): never {
  console.error(`smoke:stripe: ${line}`);
  process.exit(1);
}

const url = process.env.SMOKE_URL?.replace(/\/+$/, '');
const email = process.env.SMOKE_ADMIN_EMAIL;
const password = process.env.SMOKE_ADMIN_PASSWORD;
const missing = [
  !url && 'SMOKE_URL (the patient page, e.g. https://book.clinic.example)',
  !email && 'SMOKE_ADMIN_EMAIL',
  !password && 'SMOKE_ADMIN_PASSWORD',
].filter(Boolean);
if (missing.length > 0)
  fail(`set ${missing.join(', ')}; see docs/going-live.md, "Checking a deployment".`);
if (!existsSync(CHROMIUM))
  fail(`Chromium is needed at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);

const started = performance.now();
const admin = await AdminApi.signIn(url!, email!, password!).catch((error: Error) =>
  fail(error.message),
);
const methods = await publicQuery<{ stripe: { mode: string } | null }>(
  url!,
  'catalogue.paymentMethods',
);
if (!methods.stripe) fail(`Stripe is not switched on at ${url}: turn it on in Payment Settings.`);
const services = await publicQuery<{ name: string; price: { amount: number } }[]>(
  url!,
  'catalogue.services',
);
const service = services.find((s) => s.price.amount > 0);
if (!service) fail(`${url} has no paid service to book: add one under Services.`);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});
let reference: string;
try {
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: new RegExp(service.name) }).click();
  await page.getByRole('heading', { level: 2, name: 'Choose a doctor' }).waitFor();
  await chooseDoctor(page);
  await chooseFirstFreeTime(page);
  await fillDetails(page, PATIENT);
  await choosePayment(page, 'Stripe');
  await page.getByRole('button', { name: 'Confirm and pay' }).click();
  await payWithTestCard(
    page.frameLocator('iframe[title="Embedded Checkout"]'),
    PATIENT.name,
    PATIENT.email,
  );
  await resultHeading(page, 'Your appointment is confirmed');
  reference = /\/booking\/(CP-[0-9A-Z]+)/.exec(page.url())?.[1] ?? fail('No booking reference.');
} catch (error) {
  fail(`the booking did not go through: ${(error as Error).message.split('\n')[0]}`);
} finally {
  await browser.close();
}

const [payment] = (
  await admin.query<{ rows: { id: string; status: string }[] }>('admin.transactions.list', {
    search: reference,
    limit: 5,
  })
).rows;
if (!payment) fail(`the admin finds no payment for ${reference}.`);

// Stripe retries a delivery that failed, so the event may come a little after the page said paid.
const deadline = Date.now() + 60_000;
let delivered: { type: string; outcome: string | null } | undefined;
while (!delivered && Date.now() < deadline) {
  for (const type of WEBHOOK_TYPES) {
    const { rows } = await admin.query<{
      rows: { type: string; paymentId: string | null; state: string; outcome: string | null }[];
    }>('admin.webhookEvents.list', { type, state: 'processed', limit: 100 });
    delivered ??= rows.find((row) => row.paymentId === payment.id);
  }
  if (!delivered) await new Promise((r) => setTimeout(r, 1000));
}
if (!delivered)
  fail(
    `${reference} was paid, but no ${WEBHOOK_TYPES.join(' or ')} event for it reached ${url} within a minute: check the webhook endpoint and its signing secret (Payment Settings › Webhook health).`,
  );
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `smoke:stripe passed in ${seconds} s: ${reference} paid with the test card, payment ${payment.status}, ${delivered.type} applied (${delivered.outcome}).`,
);
