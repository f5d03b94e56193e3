// The admin team in Chromium: the Owner invites a Front desk admin from the Team page; the link
// arrives by e-mail; the new admin joins with a name and password, sees only the day's work,
// marks a pay-at-clinic payment paid, and finds neither Refund nor Payment Settings. Then a
// forgotten password is reset through the e-mailed link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawer, openAdmin, signIn, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, GRACE, book, paymentOf } from './support/bookings.js';

const DESK = { email: 'dana@clinicpay.test', name: 'Dana Desk', password: 'front-desk-password-1' };

describe('the admin team', () => {
  let stack: AdminStack;
  let owner: AdminPage;
  let desk: AdminPage;
  let atClinic: string;
  let byCard: string;
  beforeAll(async () => {
    stack = await startAdminStack();
    atClinic = (await book(stack, GRACE, { method: 'pay_at_clinic' })).reference;
    byCard = (await book(stack, ADA)).reference;
  });
  afterAll(async () => {
    await owner?.close();
    await desk?.close();
    await stack?.stop();
  });

  /** The link in the last e-mail to `address`, once it has arrived. */
  async function linkMailedTo(address: string, since: number) {
    const message = await stack.mail.waitFor(
      (m) => m.to.includes(address) && stack.mail.messages().indexOf(m) >= since,
      10_000,
    );
    const link = message.text.match(/https?:\/\/\S+token=[A-Za-z0-9_%-]+/)?.[0];
    if (!link) throw new Error(`The e-mail to ${address} holds no link:\n${message.text}`);
    return link;
  }

  it('the Owner invites a Front desk admin by e-mail from the Team page', async () => {
    owner = await openAdmin(stack.browser, stack.adminUrl, { path: 'team' });
    await signIn(owner.page, 'Team');
    const { page } = owner;
    const since = stack.mail.messages().length;
    await page.getByLabel('Email').fill(DESK.email);
    // Front desk is the role an invitation starts with.
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await toast(page, `Invitation sent to ${DESK.email}`);
    await page.getByText(DESK.email).first().waitFor();
    await owner.screenshot('team-01-invited');

    const link = await linkMailedTo(DESK.email, since);
    desk = await openAdmin(stack.browser, link, {});
    await desk.page.getByText('You are invited as').waitFor();
    await desk.page.getByLabel('Your name').fill(DESK.name);
    await desk.page.getByLabel('Password').fill(DESK.password);
    await desk.screenshot('team-02-accept');
    await desk.page.getByRole('button', { name: 'Join the admin' }).click();
    await desk.page.getByText(`${DESK.name} · Front desk`).waitFor();
  });

  it('the Front desk sees only Transactions and Appointments, and marks a payment paid at the clinic', async () => {
    const { page } = desk;
    const nav = page.getByRole('navigation', { name: 'Admin sections' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Transactions', 'Appointments']);
    await page.goto(new URL('appointments', stack.adminUrl).href);
    await page.getByRole('link', { name: `Grace Hopper, ${atClinic}` }).click();
    const panel = drawer(page, `Appointment ${atClinic}`);
    await panel.getByRole('button', { name: 'Mark paid at clinic' }).click();
    await page
      .getByRole('alertdialog', { name: 'Mark as paid at the clinic?' })
      .getByRole('button', { name: 'Mark paid at clinic' })
      .click();
    await toast(page, 'Marked paid at clinic');
    expect((await paymentOf(stack, atClinic)).status).toBe('paid_at_clinic');
  });

  it('the Front desk finds no Refund on a card payment and no Payment Settings', async () => {
    const { page } = desk;
    const payment = await paymentOf(stack, byCard);
    await page.goto(new URL(`transactions/${payment.id}`, stack.adminUrl).href);
    const panel = drawer(page, /Transaction/);
    await panel.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await panel.getByRole('heading', { name: 'Refund' }).count()).toBe(0);
    await desk.screenshot('team-03-no-refund');
    await page.goto(new URL('payment-settings/stripe', stack.adminUrl).href);
    await page
      .getByText('As Front desk you cannot change payment settings or replay Stripe events.')
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
  });

  it('resets a forgotten password through the e-mailed link', async () => {
    const reader = await openAdmin(stack.browser, stack.adminUrl, { path: 'sign-in' });
    try {
      const { page } = reader;
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('heading', { name: 'Forgot password?' }).waitFor();
      const since = stack.mail.messages().length;
      await page.getByLabel('Email').fill(DESK.email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByText('Check your e-mail').waitFor();
      const link = await linkMailedTo(DESK.email, since);
      await page.goto(link);
      await page.getByLabel('New password').fill('a-brand-new-password-2');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText(`${DESK.name} · Front desk`).waitFor();
      // The session that knew the old password has ended.
      await desk.page.reload();
      await desk.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await reader.close();
    }
  });

  it("the Owner reads the team's changes in the audit log, filtered, with their addresses", async () => {
    const { page } = owner;
    await page.goto(new URL('audit', stack.adminUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('button', { name: /Action/ }).click();
    await page.getByRole('option', { name: 'Admin joined' }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Admin joined' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain(DESK.email);
    expect(await page.getByRole('row').filter({ hasText: 'Signed in' }).count()).toBe(0);
    await owner.screenshot('team-04-audit');
  });

  it('the Front desk sees their signed-in devices and signs one out', async () => {
    const other = await openAdmin(stack.browser, stack.adminUrl, { path: 'sign-in' });
    try {
      await other.page.getByLabel('Email').fill(DESK.email);
      await other.page.getByLabel('Password').fill('a-brand-new-password-2');
      await other.page.getByRole('button', { name: 'Sign in' }).click();
      await other.page.getByText(`${DESK.name} · Front desk`).click();
      await other.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      const list = other.page.getByRole('list', { name: 'Signed-in devices' });
      const devices = list.getByRole('listitem');
      await devices.nth(1).waitFor();
      await other.screenshot('team-05-devices');
      const count = await devices.count();
      await devices
        .filter({ hasNotText: 'This device' })
        .getByRole('button', { name: 'Sign out' })
        .first()
        .click();
      await toast(other.page, /signed out/);
      // The other device is gone from the list, and from the database: this one is left.
      await devices.filter({ hasNotText: 'This device' }).first().waitFor({ state: 'detached' });
      const left = await stack.api.db
        .selectFrom('admin_sessions')
        .innerJoin('admin_users', 'admin_users.id', 'admin_sessions.admin_user_id')
        .select('admin_sessions.token_hash')
        .where('admin_users.email', '=', DESK.email)
        .execute();
      expect(left).toHaveLength(count - 1);
    } finally {
      await other.close();
    }
  });
});
