// A Front desk admin in Chromium: the menu holds only the day's work, a pay-at-clinic payment is
// marked paid, a card payment shows no Refund, and a page of another role says what is missing.
import { upsertAdmin } from '@clinicpay/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawer, openAdmin, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, GRACE, book, paymentOf } from './support/bookings.js';

const FRONT_DESK = { email: 'desk@clinicpay.test', password: 'front-desk-password-1' };

describe('a Front desk admin', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  let atClinic: string;
  let byCard: string;
  beforeAll(async () => {
    stack = await startAdminStack();
    await upsertAdmin(stack.api.db, { ...FRONT_DESK, name: 'Dana Desk', role: 'front_desk' });
    atClinic = (await book(stack, GRACE, { method: 'pay_at_clinic' })).reference;
    byCard = (await book(stack, ADA)).reference;
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'appointments' });
    const { page } = admin;
    await page.getByLabel('Email').fill(FRONT_DESK.email);
    await page.getByLabel('Password').fill(FRONT_DESK.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('sees only Transactions and Appointments in the menu, and their role by their name', async () => {
    const nav = admin.page.getByRole('navigation', { name: 'Admin sections' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Transactions', 'Appointments']);
    await admin.page.getByText('Dana Desk · Front desk').waitFor();
    await admin.screenshot('roles-01-front-desk-menu');
  });

  it('marks a pay-at-clinic payment paid', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: `Grace Hopper, ${atClinic}` }).click();
    const panel = drawer(page, `Appointment ${atClinic}`);
    await panel.getByRole('button', { name: 'Mark paid at clinic' }).click();
    await page
      .getByRole('alertdialog', { name: 'Mark as paid at the clinic?' })
      .getByRole('button', { name: 'Mark paid at clinic' })
      .click();
    await toast(page, 'Marked paid at clinic');
    expect((await paymentOf(stack, atClinic)).status).toBe('paid_at_clinic');
    await page.keyboard.press('Escape');
  });

  it('sees a card payment without Refund', async () => {
    const { page } = admin;
    const payment = await paymentOf(stack, byCard);
    await page.goto(new URL(`transactions/${payment.id}`, stack.adminUrl).href);
    const panel = drawer(page, /Payment|Transaction/);
    await panel.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await panel.getByRole('heading', { name: 'Refund' }).count()).toBe(0);
    await admin.screenshot('roles-02-no-refund');
  });

  it('is told what is missing on a page of another role (Payment Settings)', async () => {
    const { page } = admin;
    await page.goto(new URL('payment-settings/stripe', stack.adminUrl).href);
    await page
      .getByText('As Front desk you cannot change payment settings or replay Stripe events.', {
        exact: false,
      })
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
  });
});
