// Pay at clinic, and a whole booking with the keyboard only (Tab, arrows, Enter, typing), through
// the real API, PostgreSQL and the Stripe emulator's card form.
import { describe, expect, it } from 'vitest';
import {
  bookUpToPayment,
  CARDS,
  choosePayment,
  PATIENT,
  resultHeading,
} from './support/booking-page.js';
import { eventually, storedBooking } from './support/database.js';
import { focused, tabTo } from './support/keyboard.js';
import { usePatientStack } from './support/use-patient-stack.js';

describe('patient books without paying online, and with the keyboard only', () => {
  const stack = usePatientStack();

  it('Pay at clinic: confirmed at once, the payment due at the clinic', async () => {
    const p = await stack.openPatient({ width: 375 });
    await bookUpToPayment(p.page);
    await choosePayment(p.page, 'Pay at clinic');
    await p.page.getByRole('button', { name: 'Confirm booking' }).click();
    await resultHeading(p.page, 'Your appointment is confirmed');
    const reference = /\/booking\/(CP-[0-9A-Z]+)\?token=/.exec(p.page.url())?.[1];
    expect(reference).toBeDefined();
    expect(await p.page.getByText('$60.00, to pay at the clinic').isVisible()).toBe(true);
    await p.screenshot('clinic-01-confirmed');
    expect(await storedBooking(stack.api, reference!)).toMatchObject({
      status: 'confirmed',
      payment_status: 'due_at_clinic',
      payment_method: 'pay_at_clinic',
    });
    expect(p.errors).toEqual([]);
  });

  it('a whole card booking with the keyboard only', async () => {
    const p = await stack.openPatient();
    const { page } = p;
    await page.getByRole('button', { name: /General consultation/ }).waitFor();

    await tabTo(page, /General consultation/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Choose a doctor' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Choose a doctor');
    await page.getByRole('button', { name: /Any available doctor/ }).waitFor();

    await tabTo(page, /Any available doctor/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Choose a date and time' }).waitFor();
    const times = page.getByRole('region', { name: /^Free times on / });
    const nextMonth = page.getByRole('button', { name: 'Show the next month' });
    await times.or(nextMonth).first().waitFor();
    if (await nextMonth.isVisible()) {
      // Late in a month with nothing left: on to the next one, by keyboard too.
      await tabTo(page, /^Show the next month$/);
      await page.keyboard.press('Enter');
      await times.waitFor();
    }

    // Into the calendar (arrow keys move by day there), then on to the day's first free time.
    await tabTo(page, /^\d{1,2}:\d{2}/);
    const time = await focused(page);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Your details' }).waitFor();

    await expect.poll(() => focused(page)).toBe('Your details');
    // As a person would, wait to see the form before moving into it.
    await page.getByLabel('Full name').waitFor();
    await tabTo(page, /^Full name$/);
    await page.keyboard.type(PATIENT.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PATIENT.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PATIENT.phone);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Payment' }).waitFor();
    await page.getByRole('button', { name: 'Confirm and pay' }).waitFor();
    expect(await page.getByText(`${time} Eastern Time`).isVisible()).toBe(true);

    // The radio group: Stripe is selected; arrows would move to Pay at clinic. Confirm with Enter.
    await tabTo(page, /^Stripe/);
    await tabTo(page, /^Confirm and pay$/);
    await page.keyboard.press('Enter');
    await p.checkout.getByLabel('Card number').waitFor();

    await tabTo(page, /^iframe:Embedded Checkout$/);
    const frame = page.frame({ name: 'embedded-checkout' })!;
    await tabTo(page, /^Card number$/, { frame });
    await page.keyboard.type(CARDS.success);
    await tabTo(page, /^Expiry$/, { frame });
    await page.keyboard.type('12 / 34');
    await tabTo(page, /^CVC$/, { frame });
    await page.keyboard.type('123');
    await tabTo(page, /^Name on card$/, { frame });
    await page.keyboard.type(PATIENT.name);
    await page.keyboard.press('Enter');

    await resultHeading(page, 'Your appointment is confirmed');
    const reference = /\/booking\/(CP-[0-9A-Z]+)\?/.exec(page.url())![1]!;
    await eventually(
      () => storedBooking(stack.api, reference),
      (b) => b.payment_status === 'completed',
    );
    await p.screenshot('keyboard-01-confirmed');
  });
});
