// Two-factor sign-in in Chromium: the Owner sets it up from the Account page with the key an
// authenticator app would scan, keeps the ten recovery codes, signs out, and signs back in with a
// recovery code. Ten minutes later, inviting an admin asks for the password again first.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openAdmin, signIn, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';

describe('two-factor sign-in', () => {
  let stack: AdminStack;
  let owner: AdminPage;
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    stack = await startAdminStack();
  });
  afterAll(async () => {
    await owner?.close();
    await stack?.stop();
  });

  it('the Owner sets it up with the key and a first code, and gets ten recovery codes once', async () => {
    owner = await openAdmin(stack.browser, stack.adminUrl, { path: 'account' });
    await signIn(owner.page, 'Your account');
    const { page } = owner;
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await owner.screenshot('two-factor-01-scan');
    // What a phone would read from the QR code: the key, typed by hand.
    const key = (await page.getByLabel('Two-factor key').innerText()).replace(/\s/g, '');
    const app = new TOTP({ secret: Secret.fromBase32(key) });
    await page
      .getByLabel('Code from the app')
      .fill(app.generate({ timestamp: stack.stripe.clock.nowMs() }));
    await page.getByRole('button', { name: 'Turn on' }).click();

    const list = page.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    recoveryCodes = await list.getByRole('listitem').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await owner.screenshot('two-factor-02-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 of 10 recovery codes left').waitFor();
    await list.waitFor({ state: 'detached' });
  });

  it('signs in again with the password and a recovery code, which is then used up', async () => {
    const { page } = owner;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    await owner.screenshot('two-factor-03-code-asked');
    await code.fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Demo Admin · Owner').waitFor();
    await page.goto(new URL('account', stack.adminUrl).href);
    await page.getByText('9 of 10 recovery codes left').waitFor();
  });

  it('asks for the password again before inviting an admin ten minutes later, then invites', async () => {
    const { page } = owner;
    stack.stripe.control.advanceClock(11 * 60);
    await page.goto(new URL('team', stack.adminUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await page.getByLabel('Email').fill('nina@clinicpay.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    await dialog.getByLabel('Password').fill('not-my-password');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('That password is not right. Try again.').waitFor();
    await owner.screenshot('two-factor-04-reconfirm', { viewport: true });
    await dialog.getByLabel('Password').fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await toast(page, 'Invitation sent to nina@clinicpay.test');
    await dialog.waitFor({ state: 'detached' });
    expect(owner.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
