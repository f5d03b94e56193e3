// axe-core on every admin screen, on a phone (375 px) and a desktop (1280 px): no serious or
// critical violation. Each screen is kept as a screenshot in artifacts/ for a person to look at.
import { generateApiKey } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../patient/support/booking-page.js';
import {
  drawer,
  openAdmin,
  openSection,
  signIn,
  WIDTHS,
  type AdminPage,
} from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, book, GRACE } from './support/bookings.js';
import { DEMO_KEYS } from '@clinicpay/demo';

describe('accessibility of every admin screen', () => {
  let stack: AdminStack;
  const open: AdminPage[] = [];
  beforeAll(async () => {
    stack = await startAdminStack();
    await book(stack, ADA);
    await book(stack, GRACE, { method: 'pay_at_clinic' });
    await book(
      stack,
      { name: 'Alan Turing', email: 'alan@example.com', phone: '+1 212 555 0102' },
      { pay: false },
    );
  });
  afterAll(async () => {
    for (const p of open) await p.close().catch(() => undefined);
    await stack?.stop();
  });

  for (const width of Object.values(WIDTHS)) {
    it(`has no serious or critical axe violation at ${width} px`, async () => {
      const admin = await openAdmin(stack.browser, stack.adminUrl, { width });
      open.push(admin);
      const { page } = admin;
      const found: Record<string, unknown> = {};
      const scan = async (name: string, viewport = false) => {
        await admin.screenshot(name, { viewport });
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[name] = violations;
      };

      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await scan('a11y-01-sign-in');
      await signIn(page);
      await page
        .getByRole('table', { name: /^Transactions/ })
        .getByRole('link')
        .first()
        .waitFor();
      await scan('a11y-02-transactions');
      await page.getByRole('link', { name: /^Ada Lovelace, CP-/ }).click();
      const transaction = drawer(page, /^Transaction CP-/);
      await transaction.getByRole('heading', { name: 'Timeline' }).waitFor();
      await scan('a11y-03-transaction', true);
      await transaction.getByRole('button', { name: 'Review refund' }).click();
      await transaction.getByRole('heading', { name: /^Refund \$60\.00 of \$60\.00/ }).waitFor();
      await scan('a11y-04-refund-confirm', true);
      await page.keyboard.press('Escape');
      await transaction.waitFor({ state: 'detached' });

      await openSection(page, 'Appointments');
      await page.getByRole('link', { name: /^Grace Hopper, CP-/ }).click();
      const appointment = drawer(page, /^Appointment CP-/);
      await appointment.getByRole('button', { name: 'Mark paid at clinic' }).waitFor();
      await scan('a11y-05-appointment', true);
      await appointment.getByRole('button', { name: 'Cancel appointment' }).click();
      await page.getByRole('alertdialog', { name: 'Cancel this appointment?' }).waitFor();
      await scan('a11y-06-cancel-dialog', true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await appointment.waitFor({ state: 'detached' });
      await scan('a11y-07-appointments');

      await openSection(page, 'Payment Settings');
      await page.getByRole('switch', { name: 'Enable Stripe' }).waitFor();
      await scan('a11y-08-payment-settings');
      await page.getByRole('link', { name: 'Manage Stripe' }).click();
      await page.getByLabel('Secret API Key').fill(generateApiKey('sk', 'live'));
      await page.getByLabel('Webhook Signing Secret').fill(DEMO_KEYS.publishableKey);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('This is a live key (sk_live_…)', { exact: false }).waitFor();
      await scan('a11y-09-stripe-errors');

      await openSection(page, 'Webhook log');
      await page
        .getByRole('table', { name: /^Webhook events/ })
        .getByRole('link')
        .first()
        .click();
      await drawer(page, /\./).getByRole('button', { name: 'Replay event' }).waitFor();
      await scan('a11y-10-webhook-event', true);
      await page.keyboard.press('Escape');
      await scan('a11y-11-webhook-log');

      await openSection(page, 'Services');
      await scan('a11y-12-services');
      await page.getByRole('button', { name: 'Add a service' }).click();
      await page
        .getByRole('dialog', { name: 'Add a service' })
        .getByRole('button', { name: 'Add service' })
        .click();
      await page.getByText('Name the service, e.g. General consultation.').waitFor();
      await scan('a11y-13-service-dialog', true);
      await page.keyboard.press('Escape');

      await openSection(page, 'Doctors');
      await scan('a11y-14-doctors');
      await page.getByRole('link', { name: 'Dr. Amara Okafor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dr. Amara Okafor' }).waitFor();
      await scan('a11y-15-doctor');

      await openSection(page, 'E-mail');
      await page.getByLabel('Sender name').waitFor();
      await scan('a11y-16-email');
      await page.getByRole('link', { name: 'Open the e-mail log' }).click();
      await page
        .getByRole('table', { name: /^E-mail messages/ })
        .getByRole('row')
        .nth(1)
        .waitFor();
      await scan('a11y-17-email-log');

      expect(found).toEqual({});
      expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    });
  }
});
