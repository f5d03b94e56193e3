// The admin's main tasks with the keyboard alone (Tab, Shift+Tab, arrows, Space, Enter, Escape):
// sign in, open a transaction and refund part of it through the confirmation, close the panel
// back to the row, cancel an appointment with its refund, and turn a gateway off after the question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, tabTo } from '../patient/support/keyboard.js';
import { ADMIN, drawer, openAdmin, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, GRACE, book, paymentOf } from './support/bookings.js';

describe('keyboard only', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  let paid: string;
  let toCancel: string;
  beforeAll(async () => {
    stack = await startAdminStack();
    paid = (await book(stack, ADA)).reference;
    toCancel = (await book(stack, GRACE)).reference;
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('signs in, refunds part of a payment and cancels an appointment with its refund', async () => {
    admin = await openAdmin(stack.browser, stack.adminUrl);
    const { page } = admin;
    const key = (name: string) => page.keyboard.press(name);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // The email field has focus on arrival; Enter submits.
    await expect.poll(() => focused(page)).toBe('Email');
    await page.keyboard.type(ADMIN.email);
    await key('Tab');
    await page.keyboard.type(ADMIN.password);
    await key('Enter');
    await page.getByRole('heading', { level: 1, name: 'Transactions' }).waitFor();

    // A transaction: Enter opens its panel, focus goes into it.
    await tabTo(page, new RegExp(`^Ada Lovelace, ${paid}$`), { max: 60 });
    await key('Enter');
    const panel = drawer(page, `Transaction ${paid}`);
    await panel.waitFor();
    await tabTo(page, /^All that is left/);
    await key('ArrowDown'); // Part of it
    await tabTo(page, /^Amount to refund/);
    await page.keyboard.type('20.00');
    await tabTo(page, /^Review refund$/);
    await key('Enter');
    await panel
      .getByRole('heading', { name: "Refund $20.00 of $60.00 to Ada Lovelace's card?" })
      .waitFor();
    await expect.poll(() => focused(page)).toBe("Refund $20.00 of $60.00 to Ada Lovelace's card?");
    await tabTo(page, /^Refund \$20\.00$/);
    await key('Enter');
    await panel.getByText('Partially refunded').first().waitFor({ timeout: 15_000 });
    await toast(page, /Refund of \$20\.00/);
    expect(await paymentOf(stack, paid)).toMatchObject({ amount_refunded: 2000 });

    // Escape closes the panel and puts focus back on the row's link.
    await key('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe(`Ada Lovelace, ${paid}`);

    // Appointments through the navigation; cancel one, with its refund.
    await tabTo(page, /^Appointments$/, { max: 80 });
    await key('Enter');
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await tabTo(page, new RegExp(`^Grace Hopper, ${toCancel}$`), { max: 40 });
    await key('Enter');
    const appointment = drawer(page, `Appointment ${toCancel}`);
    await appointment.waitFor();
    await tabTo(page, /^Cancel appointment$/);
    await key('Enter');
    const question = page.getByRole('alertdialog', { name: 'Cancel this appointment?' });
    await question.waitFor();
    // The safe answer has focus first; Escape keeps the appointment.
    await expect.poll(() => focused(page)).toBe('Keep the appointment');
    await key('Escape');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('Cancel appointment');
    await key('Enter');
    await question.waitFor();
    // The booking's policy is the first choice; Arrow Down picks a refund of all of it.
    await tabTo(page, /policy/);
    await key('ArrowDown');
    await tabTo(page, /^Cancel and refund \$60\.00$/);
    await key('Enter');
    await toast(page, 'Appointment cancelled and refunded');
    await appointment.getByText('Cancelled', { exact: true }).first().waitFor();
    await admin.screenshot('keyboard-01-cancelled', { viewport: true });
    await key('Escape');

    // Payment Settings: Space on a switch asks before turning Pay at clinic off.
    await tabTo(page, /^Payment Settings$/, { max: 80 });
    await key('Enter');
    await page.getByRole('heading', { level: 1, name: 'Payment Settings' }).waitFor();
    await tabTo(page, /^Enable Pay at clinic$/);
    await key('Space');
    const turnOff = page.getByRole('alertdialog', { name: 'Turn off Pay at clinic?' });
    await turnOff.waitFor();
    await tabTo(page, /^Turn off Pay at clinic$/);
    await key('Enter');
    await toast(page, 'Pay at clinic is off');
    expect(await page.getByRole('switch', { name: 'Enable Pay at clinic' }).isChecked()).toBe(
      false,
    );
    await admin.screenshot('keyboard-02-pay-at-clinic-off');
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
