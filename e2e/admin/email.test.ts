// The E-mail section as a clinic uses it, against the API's real sender and a mail catcher: the
// settings are kept, a test e-mail arrives from the sender named, and a message the mail server
// refuses shows as Failed with the server's answer, then goes out on Resend once the cause is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../patient/support/booking-page.js';
import {
  openAdmin,
  openSection,
  signIn,
  toast,
  WIDTHS,
  type AdminPage,
} from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, book } from './support/bookings.js';

const OWNER = 'owner@riverside-clinic.example';
const BOUNCE = 'bounce@example.com';
const NOBODY = 'nobody@example.com';
const SENDER_NAME = 'Riverside Front Desk';

describe('E-mail settings, a test e-mail and the e-mail log', () => {
  let stack: AdminStack;
  const open: AdminPage[] = [];
  beforeAll(async () => {
    stack = await startAdminStack();
    // A booking, so the log holds a patient's confirmation and the clinic's notice too.
    await book(stack, ADA, { method: 'pay_at_clinic' });
  });
  afterAll(async () => {
    stack?.mail.refuse(null);
    for (const p of open) await p.close().catch(() => undefined);
    await stack?.stop();
  });

  it('keeps the settings, sends a test from the new sender, and resends a bounced message', async () => {
    const admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'email' });
    open.push(admin);
    const { page } = admin;
    await signIn(page, 'E-mail');
    const senderName = page.getByLabel('Sender name');
    const reminders = page.getByRole('checkbox', { name: 'Send reminders' });
    const hours = page.getByLabel('Hours before the appointment');
    await senderName.waitFor();
    await admin.screenshot('email-01-settings');

    await senderName.fill(SENDER_NAME);
    if (!(await reminders.isChecked())) await reminders.check({ force: true });
    await hours.fill('12');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, 'E-mail settings saved');
    await page.reload();
    await senderName.waitFor();
    expect(await senderName.inputValue()).toBe(SENDER_NAME);
    expect(await reminders.isChecked()).toBe(true);
    expect(await hours.inputValue()).toBe('12');

    // A test e-mail, through the outbox and the API's sender, from the sender just saved.
    const to = page.getByLabel('Send the test to');
    await to.fill(OWNER);
    await page.getByRole('button', { name: 'Send a test e-mail' }).click();
    await toast(page, `Test e-mail queued for ${OWNER}`);
    const test = await stack.mail.waitFor((m) => m.to.includes(OWNER), 10_000);
    expect(test.from).toContain(`"${SENDER_NAME}"`);
    expect(test.from).toContain('<bookings@riverside-clinic.example>');

    // The mail server refuses one address for good (5xx): no retry, the row fails at once.
    stack.mail.refuse(({ to: rcpt }) =>
      rcpt === BOUNCE ? { code: 550, message: '5.1.1 No such user' } : null,
    );
    await to.fill(BOUNCE);
    await page.getByRole('button', { name: 'Send a test e-mail' }).click();
    await toast(page, `Test e-mail queued for ${BOUNCE}`);
    const failedNotice = page.getByText('1 message could not be sent.');
    await expect
      .poll(
        async () => {
          await page.reload();
          await senderName.waitFor();
          return failedNotice.isVisible();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    await admin.screenshot('email-02-failed-warning');

    // The warning leads to the failed messages.
    await page.getByRole('link', { name: 'See it in the e-mail log' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-mail log' }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=failed');
    const bounced = page.getByRole('row').filter({ hasText: BOUNCE });
    await bounced.getByText('Failed', { exact: true }).waitFor();
    expect(await bounced.innerText()).toMatch(/550.*5\.1\.1 No such user/);
    expect(await bounced.innerText()).toContain('Test e-mail');
    await admin.screenshot('email-03-log-failed');

    // The cause gone, Resend: the row leaves the Failed filter, and shows Sent under All.
    stack.mail.refuse(null);
    await bounced.getByRole('button', { name: /^Resend/ }).click();
    await toast(page, 'Queued to send again');
    await stack.mail.waitFor((m) => m.to.includes(BOUNCE), 10_000);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect
      .poll(() => bounced.getByText('Sent', { exact: true }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    const row = await bounced.innerText();
    expect(row).not.toContain('550');
    const booking = page.getByRole('row').filter({ hasText: 'Booking confirmed' });
    expect(await booking.getByRole('link', { name: /^CP-/ }).getAttribute('href')).toMatch(
      /\/admin\/appointments\/[0-9a-f-]{36}$/,
    );
    await admin.screenshot('email-04-log-resent');
    expect(await seriousViolations(page)).toEqual([]);
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('reads on a phone: the settings and the log with a failed message', async () => {
    const admin = await openAdmin(stack.browser, stack.adminUrl, { width: WIDTHS.phone });
    open.push(admin);
    const { page } = admin;
    await signIn(page);
    await openSection(page, 'E-mail');
    await page.getByLabel('Sender name').waitFor();
    expect(await page.getByLabel('Sender name').inputValue()).toBe(SENDER_NAME);
    await admin.screenshot('email-05-settings');
    expect(await seriousViolations(page)).toEqual([]);

    stack.mail.refuse(({ to }) =>
      to === NOBODY ? { code: 550, message: '5.1.1 Mailbox unavailable' } : null,
    );
    await page.getByLabel('Send the test to').fill(NOBODY);
    await page.getByRole('button', { name: 'Send a test e-mail' }).click();
    await toast(page, `Test e-mail queued for ${NOBODY}`);
    await page.getByRole('link', { name: 'Open the e-mail log' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-mail log' }).waitFor();
    // The log looks again by itself while a message shown is on its way.
    const failed = page.getByRole('row').filter({ hasText: NOBODY });
    await failed.getByText('Failed', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await failed.getByRole('button', { name: /^Resend/ }).isVisible()).toBe(true);
    // innerText: only what shows, here the error under the badge (its column is left out).
    expect(await failed.innerText()).toContain('550 5.1.1 Mailbox unavailable');
    await admin.screenshot('email-06-log');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
