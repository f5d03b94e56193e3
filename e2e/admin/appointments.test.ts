// The front desk's actions on appointments, each confirmed first: mark a pay-at-clinic booking
// paid, cancel a card booking keeping the money (only with a reason), mark a no-show once its time
// has come. And the webhook log: an event opened with its payload, replayed without a second effect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drawer,
  openAdmin,
  openSection,
  signIn,
  toast,
  type AdminPage,
} from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, GRACE, book, paymentOf } from './support/bookings.js';

describe('appointments and the webhook log', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  let atClinic: string;
  let byCard: string;
  beforeAll(async () => {
    stack = await startAdminStack();
    atClinic = (await book(stack, GRACE, { method: 'pay_at_clinic' })).reference;
    byCard = (await book(stack, ADA)).reference;
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'appointments' });
    await signIn(admin.page, 'Appointments');
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  async function openAppointment(reference: string, name: string) {
    await admin.page.getByRole('link', { name: `${name}, ${reference}` }).click();
    const panel = drawer(admin.page, `Appointment ${reference}`);
    await panel.getByRole('heading', { name: 'Actions' }).waitFor();
    return panel;
  }

  it('marks a pay-at-clinic booking paid, after asking', async () => {
    const { page } = admin;
    const panel = await openAppointment(atClinic, 'Grace Hopper');
    await panel.getByText('Due at clinic').first().waitFor();
    await panel.getByRole('button', { name: 'Mark paid at clinic' }).click();
    await page
      .getByRole('alertdialog', { name: 'Mark as paid at the clinic?' })
      .getByRole('button', { name: 'Mark paid at clinic' })
      .click();
    await toast(page, 'Marked paid at clinic');
    await panel.getByText('Paid at clinic', { exact: true }).first().waitFor();
    expect((await paymentOf(stack, atClinic)).status).toBe('paid_at_clinic');
    await page.keyboard.press('Escape');
  });

  it('cancels a paid booking without a refund only with a reason', async () => {
    const { page } = admin;
    const panel = await openAppointment(byCard, 'Ada Lovelace');
    await panel.getByRole('button', { name: 'Cancel appointment' }).click();
    const question = page.getByRole('alertdialog', { name: 'Cancel this appointment?' });
    await question.locator('label').filter({ hasText: 'Keep the payment' }).click();
    await question.getByRole('button', { name: 'Cancel the appointment' }).click();
    await question
      .getByText('Give a reason for keeping the payment, or cancel with a refund.')
      .waitFor();
    expect(
      await question.getByLabel('Reason for keeping the payment').getAttribute('aria-invalid'),
    ).toBe('true');
    await admin.screenshot('appointments-01-reason-needed', { viewport: true });
    await question.getByLabel('Reason for keeping the payment').fill('Late cancellation fee');
    await question.getByRole('button', { name: 'Cancel the appointment' }).click();
    await toast(page, 'Appointment cancelled');
    await panel.getByText('Cancelled', { exact: true }).first().waitFor();
    await panel.getByText(/kept by admin: Late cancellation fee/).waitFor();
    expect(await paymentOf(stack, byCard)).toMatchObject({
      status: 'completed',
      amount_refunded: 0,
    });
    await page.keyboard.press('Escape');
  });

  it('replays an event from the webhook log: acknowledged, applied once', async () => {
    const { page } = admin;
    await openSection(page, 'Webhook log');
    await page.getByLabel('Event type').fill('payment_intent.succeeded');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/type=payment_intent\.succeeded/);
    const rows = page.getByRole('table', { name: /^Webhook events/ }).getByRole('link');
    // The earlier rows stay on screen (dimmed, aria-busy) until the filtered ones arrive.
    await expect.poll(() => rows.allInnerTexts()).toEqual(['payment_intent.succeeded']);
    await rows.first().click();
    const panel = drawer(page, 'payment_intent.succeeded');
    await panel
      .getByRole('region', { name: 'Event payload' })
      .or(panel.getByLabel('Event payload'))
      .first()
      .waitFor();
    expect(await panel.getByLabel('Event payload').innerText()).toContain(
      '"type": "payment_intent.succeeded"',
    );
    await panel.getByRole('button', { name: 'Replay event' }).click();
    await toast(page, 'Already processed');
    await admin.screenshot('webhooks-01-replayed', { viewport: true });
    expect(await paymentOf(stack, byCard)).toMatchObject({ status: 'completed' });
    await page.keyboard.press('Escape');
  });

  it('marks a no-show once the appointment’s time has come', async () => {
    const { page } = admin;
    const reference = (
      await book(
        stack,
        { name: 'Alan Turing', email: 'alan@example.com', phone: '+1 212 555 0102' },
        { method: 'pay_at_clinic' },
      )
    ).reference;
    stack.stripe.control.advanceClock(29 * 24 * 3600); // past the booking; the session ends too
    await page.goto(`${stack.adminUrl}appointments?from=any&q=${reference}`);
    await signIn(page, 'Appointments');
    const panel = await openAppointment(reference, 'Alan Turing');
    await panel.getByRole('button', { name: 'Mark as no-show' }).click();
    await page
      .getByRole('alertdialog', { name: 'Mark as a no-show?' })
      .getByRole('button', { name: 'Mark as no-show' })
      .click();
    await toast(page, 'Marked as a no-show');
    await panel.getByText('No-show', { exact: true }).first().waitFor();
    await panel.getByRole('button', { name: 'Mark as no-show' }).waitFor({ state: 'detached' });
    expect(await panel.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
