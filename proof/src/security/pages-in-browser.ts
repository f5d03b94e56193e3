// The pages as a patient and an admin use them, in Chromium, served by a production API process:
// a booking paid through Stripe's Embedded Checkout and an admin sign-in, while every CSP
// violation the browser reports is collected. A policy too strict breaks the journey; one that
// lets something through unasked shows up as a violation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '@clinicpay/testing';
import { chromium, type Page } from 'playwright-core';
import { check, table, type Check } from '../report.js';
import type { SecurityStack } from './security-stack.js';
import type { SeedCredentials } from '@clinicpay/demo';

// The distribution's Chromium (never a downloaded one), or CHROMIUM_PATH as the e2e suite reads it.
// eslint-disable-next-line no-restricted-properties
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function checkPagesInBrowser(
  stack: SecurityStack,
): Promise<{ checks: Check[]; figures: string[] }> {
  if (!existsSync(CHROMIUM)) {
    return {
      checks: [
        check(
          'the pages work in Chromium under their CSP',
          false,
          `Chromium not found at ${CHROMIUM}: apt-get install -y chromium`,
        ),
      ],
      figures: [],
    };
  }
  const base = stack.http.url;
  // The seeded clinic signs its webhooks with the run's secret (the secrets section rotates it later).
  const endpoint = stack.stripe.control.addWebhookEndpoint({
    url: `${base}/webhooks/stripe`,
    secret: stack.credentials.stripe.webhookSigningSecret,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const violations: string[] = [];
  const steps: Array<[string, string]> = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // As a string: this runs in the page, and this package is typed for Node, not the DOM.
    await context.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));",
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.text().startsWith('CSP-VIOLATION'))
        violations.push(`${m.text()} on ${new URL(page.url()).pathname}`);
    });
    await step(steps, 'patient books and pays in the Embedded Checkout', () =>
      bookAndPay(page, base),
    );
    await step(steps, 'admin signs in and sees the transactions', () =>
      signIn(page, base, stack.credentials.admin),
    );
    await page.screenshot({ path: join(stack.workDir, 'admin-in-browser.png'), fullPage: true });
  } finally {
    await browser.close();
    stack.stripe.control.removeWebhookEndpoint(endpoint.id);
  }
  return {
    checks: [
      check(
        'a patient books and pays, and an admin signs in, on the built pages in Chromium',
        steps.every(([, r]) => r.startsWith('done')),
        steps.map(([s, r]) => `${s}: ${r}`).join('; '),
      ),
      check(
        'Chromium reports no CSP violation on either page',
        violations.length === 0,
        violations.length === 0 ? '0 violations' : violations.slice(0, 5).join('; '),
      ),
    ],
    figures: [
      table(
        ['in Chromium, on the production build', 'result'],
        [...steps, ['CSP violations reported', violations.length]],
      ),
    ],
  };
}

async function step(
  steps: Array<[string, string]>,
  name: string,
  run: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  try {
    await run();
    steps.push([name, `done in ${((performance.now() - started) / 1000).toFixed(1)} s`]);
  } catch (error) {
    steps.push([name, `failed: ${(error as Error).message.split('\n')[0]}`]);
  }
}

async function bookAndPay(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: /General consultation/ }).click();
  await page.getByRole('button', { name: /Any available doctor/ }).click();
  const times = page.getByRole('region', { name: /^Free times on / });
  const nextMonth = page.getByRole('button', { name: 'Show the next month' });
  await times.or(nextMonth).first().waitFor();
  if (await nextMonth.isVisible()) {
    await nextMonth.click();
    await times.waitFor();
  }
  await times.getByRole('button').first().click();
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Phone').fill('+1 212 555 0100');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.locator('label').filter({ hasText: 'Stripe' }).click();
  await page.getByRole('button', { name: 'Confirm and pay' }).click();
  const checkout = page.frameLocator('iframe[title="Embedded Checkout"]');
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242', { timeout: 20_000 });
  await checkout.getByLabel('Expiry').fill('12 / 34');
  await checkout.getByLabel('CVC').fill('123');
  await checkout.getByLabel('Name on card').fill('Ada Lovelace');
  await checkout.getByRole('button', { name: /^Pay / }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Your appointment is confirmed' })
    .waitFor({ timeout: 20_000 });
}

async function signIn(page: Page, base: string, admin: SeedCredentials['admin']): Promise<void> {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin\/transactions/, { timeout: 20_000 });
  // Polled from here: a predicate run in the page would need eval, which the page's CSP refuses.
  for (let tries = 0; !(await page.title()).startsWith('Transactions'); tries++) {
    if (tries > 100) throw new Error(`the admin page's title stayed "${await page.title()}"`);
    await page.waitForTimeout(200);
  }
  // The table's first page has arrived (the paid booking above is in it).
  await page
    .getByRole('cell', { name: /Completed/ })
    .first()
    .waitFor({ timeout: 20_000 });
}
