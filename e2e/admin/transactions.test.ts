// A patient pays by card in the booking SPA; the clinic sees it as Completed, refunds half
// (Partially refunded) then the rest (Refunded), and the emulator holds both refunds. A refund made
// in Stripe's Dashboard shows as Refunded. The CSV export holds every row the filters match.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookUpToPayment,
  CARDS,
  confirmAndOpenCard,
  openPatient,
  payByCard,
  resultHeading,
} from '../patient/support/booking-page.js';
import {
  drawer,
  openAdmin,
  openSection,
  signIn,
  toast,
  type AdminPage,
} from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { GRACE, book, paymentOf } from './support/bookings.js';

describe('transactions', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  let reference: string;
  beforeAll(async () => {
    stack = await startAdminStack();
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  /** Searches the list for one booking and waits for its row. */
  async function findRow(ref: string) {
    const { page } = admin;
    await page.getByRole('searchbox', { name: 'Search' }).fill(ref);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const row = page.getByRole('row').filter({ hasText: ref });
    await row.waitFor();
    return row;
  }

  it("shows a patient's card payment as Completed", async () => {
    const patient = await openPatient(stack.browser, stack.patientUrl);
    await bookUpToPayment(patient.page);
    reference = await confirmAndOpenCard(patient);
    await payByCard(patient.checkout, CARDS.success);
    await resultHeading(patient.page, 'Your appointment is confirmed');
    await patient.close();

    admin = await openAdmin(stack.browser, stack.adminUrl);
    await signIn(admin.page);
    const row = await findRow(reference);
    await row.getByText('Completed').waitFor();
    expect(await row.innerText()).toContain('$60.00');
    await admin.screenshot('transactions-01-completed');
  });

  it('refunds half, then the rest, each confirmed first; the emulator recorded both', async () => {
    const { page } = admin;
    const payment = await paymentOf(stack, reference);
    await page.getByRole('link', { name: new RegExp(`Ada Lovelace, ${reference}`) }).click();
    const panel = drawer(page, `Transaction ${reference}`);
    await panel.waitFor();
    expect(
      await panel.getByRole('link', { name: /Open in Stripe's Dashboard/ }).getAttribute('href'),
    ).toBe(`https://dashboard.stripe.com/test/payments/${payment.payment_intent_id}`);
    await panel
      .getByRole('listitem')
      .filter({ hasText: /Payment: (Pending → )?Completed/ })
      .first()
      .waitFor();

    await panel.locator('label').filter({ hasText: 'Part of it' }).click();
    await panel.getByLabel('Amount to refund (USD)').fill('30.00');
    await panel.getByLabel('Reason (optional)').fill('Shorter visit than booked');
    await panel.getByRole('button', { name: 'Review refund' }).click();
    await panel
      .getByRole('heading', { name: "Refund $30.00 of $60.00 to Ada Lovelace's card?" })
      .waitFor();
    await admin.screenshot('transactions-02-refund-confirm', { viewport: true });
    await panel.getByRole('button', { name: 'Refund $30.00' }).click();
    await panel.getByText(/Refund of \$30\.00 (sent to the card|on its way to Stripe)/).waitFor();
    await toast(page, /Refund of \$30\.00/);
    await panel.getByText('Partially refunded').first().waitFor({ timeout: 15_000 });
    await admin.screenshot('transactions-03-partially-refunded', { viewport: true });
    // The patient is told, by e-mail, with the amount.
    const refundMail = await stack.mail.waitFor(
      (m) => m.subject.includes(reference) && /refund/i.test(m.subject),
      10_000,
    );
    expect(refundMail.to).toEqual(['ada@example.com']);
    expect(refundMail.text).toContain('$30.00 of the $60.00 you paid');

    await panel.getByRole('button', { name: 'Refund more ($30.00 left)' }).click();
    await panel.getByRole('button', { name: 'Review refund' }).click();
    await panel
      .getByRole('heading', { name: "Refund $30.00 of $60.00 to Ada Lovelace's card?" })
      .waitFor();
    await panel.getByRole('button', { name: 'Refund $30.00' }).click();
    await panel
      .getByRole('group', { name: 'Refund' })
      .or(panel.getByRole('heading', { name: 'Timeline' }))
      .first()
      .waitFor();
    await panel.getByText('Refunded', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(await panel.getByRole('form', { name: 'Refund' }).count()).toBe(0); // nothing left to refund
    await admin.screenshot('transactions-04-refunded', { viewport: true });

    const refunds = stack.stripe.control
      .objects('test')
      .refunds.filter((r) => r.payment_intent === payment.payment_intent_id);
    expect(refunds.map((r) => [r.amount, r.status])).toEqual([
      [3000, 'succeeded'],
      [3000, 'succeeded'],
    ]);
    expect(await paymentOf(stack, reference)).toMatchObject({
      status: 'refunded',
      amount_refunded: 6000,
    });

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page
      .getByRole('row')
      .filter({ hasText: reference })
      .getByText('Refunded', { exact: true })
      .waitFor();
  });

  it("shows a refund made in Stripe's Dashboard as Refunded", async () => {
    const booking = await book(stack, GRACE);
    const payment = await paymentOf(stack, booking.reference);
    expect(payment.status).toBe('completed');
    stack.stripe.control.refund(payment.payment_intent_id!);
    await stack.stripe.control.waitForDeliveries();
    const row = await findRow(booking.reference);
    await row.getByText('Refunded', { exact: true }).waitFor();
    expect(await row.innerText()).toContain('$60.00 refunded');
  });

  it('exports every row the filters match, beyond the first page', async () => {
    const { page } = admin;
    // 27 card bookings left unpaid (Pending) and two at the clinic: the filter keeps the 27 and more.
    for (let i = 0; i < 27; i++)
      await book(
        stack,
        { name: `Patient ${i}`, email: `p${i}@example.com`, phone: '+1 212 555 0102' },
        { pay: false },
      );
    for (let i = 0; i < 2; i++)
      await book(
        stack,
        { name: `Desk ${i}`, email: `d${i}@example.com`, phone: '+1 212 555 0103' },
        { method: 'pay_at_clinic' },
      );

    await openSection(page, 'Transactions');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByText('More filters').click();
    await page.getByRole('button', { name: /Method/ }).click();
    await page.getByRole('option', { name: 'Stripe' }).click();
    await page.getByRole('button', { name: /Status$/ }).click();
    await page.getByRole('option', { name: 'Pending' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=pending/);
    const table = page.getByRole('table', { name: /^Transactions/ });
    // The unfiltered rows stay on screen (aria-busy) until the filtered page arrives.
    await page.locator('[aria-busy="false"]', { has: table }).waitFor();
    await page.getByRole('button', { name: 'Next page' }).waitFor();
    await table.getByRole('row').nth(25).waitFor();
    expect(await table.getByRole('row').count()).toBe(26); // a header and a page of 25
    await admin.screenshot('transactions-05-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['Created (UTC)', 'Reference', 'Patient']);
    const expected = await stack.api.db
      .selectFrom('payments')
      .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
      .select('appointments.reference')
      .where('payments.gateway', '=', 'stripe')
      .where('payments.status', '=', 'pending')
      .execute();
    expect(expected.length).toBe(27);
    expect(lines.map((line) => line.split(',')[1]).sort()).toEqual(
      expected.map((r) => r.reference).sort(),
    );
    expect(lines.every((line) => line.includes(',stripe,test,pending,'))).toBe(true);
    expect(download.suggestedFilename()).toMatch(/^transactions-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
