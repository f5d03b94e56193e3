// Signing in and out, and a session that ends while the admin works: the next call sends them to
// sign in, with the API's sentence, and then straight back to the page they were on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../patient/support/booking-page.js';
import { ADMIN, openAdmin, openSection, signIn, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';

describe('admin session', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  beforeAll(async () => {
    stack = await startAdminStack();
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('asks a visitor to sign in, refuses a wrong password, then opens the page that was asked for', async () => {
    admin = await openAdmin(stack.browser, stack.adminUrl, {
      path: 'transactions?status=completed',
    });
    const { page } = admin;
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
      '/admin/sign-in?next=%2Ftransactions%3Fstatus%3Dcompleted',
    );
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /sign in/i })
        .count(),
    ).toBe(0);
    await admin.screenshot('session-01-sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByText('Enter the email address you sign in with, like name@example.com.')
      .waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'That email and password do not match an admin account.' })
      .waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await admin.screenshot('session-02-wrong-password');
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page);
    expect(page.url()).toBe(`${stack.adminUrl}transactions?status=completed`);
    await page.getByRole('button', { name: /Completed Status$/ }).waitFor();
  });

  it('sends an ended session to sign in and back to where the admin was', async () => {
    const { page } = admin;
    await openSection(page, 'Webhook log');
    await page.getByText('No webhook events yet.').waitFor(); // its reads are done: the next call is the first after the idle time
    // Idle longer than the session allows (the API reads the emulator's clock).
    stack.stripe.control.advanceClock(31 * 60);
    await openSection(page, 'Appointments').catch(() => undefined);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your session has ended. Please sign in again.' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/appointments');
    await admin.screenshot('session-03-ended');
    await signIn(page, 'Appointments');
    expect(new URL(page.url()).pathname).toBe('/admin/appointments');
  });

  it('signs out: the session ends on the server and the pages ask to sign in again', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('You are signed out.').waitFor();
    expect(
      (await admin.context.cookies()).filter(
        (c) => c.name.includes('clinicpay_admin') && c.value !== '',
      ),
    ).toEqual([]);
    await page.goto(`${stack.adminUrl}transactions`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
