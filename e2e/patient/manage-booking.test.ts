// A patient manages a paid booking from its page in Chromium: pays with 4242, moves it to another
// time (still Confirmed, the new time shown), then cancels it, the refund stated in money before
// confirming and shown with its status after. The clinic's policy is set before booking, so the
// booking keeps it: a full refund until 720 hours before, then 50% until the start.
import { describe, expect, it } from 'vitest';
import {
  bookUpToPayment,
  CARDS,
  confirmAndOpenCard,
  payByCard,
  resultHeading,
  seriousViolations,
} from './support/booking-page.js';
import { eventually, storedBooking } from './support/database.js';
import { usePatientStack } from './support/use-patient-stack.js';

const POLICY = {
  freeCancelHours: 720,
  refundTiers: [{ hoursBefore: 0, percent: 50 }],
  feeAmount: 0,
  rescheduleHours: 0,
  maxReschedules: 2,
};
const SENTENCE =
  'Cancel up to 720 hours before for a full refund; 50% until the start; no refund after.';

describe('patient manages a confirmed booking', () => {
  const stack = usePatientStack();

  it('pays with 4242, reschedules from the booking page, then cancels with the refund stated', async () => {
    await stack.api.db
      .updateTable('clinics')
      .set({ cancellation_policy: JSON.stringify(POLICY) })
      .execute();
    // Bookings nearer than 720 hours fall in the 50% tier.
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    expect(await p.page.getByTestId('cancellation-policy').innerText()).toBe(
      `Cancellation policy: ${SENTENCE}`,
    );
    const reference = await confirmAndOpenCard(p);
    await payByCard(p.checkout, CARDS.success);
    await resultHeading(p.page, 'Your appointment is confirmed');
    const paid = await eventually(
      () => storedBooking(stack.api, reference),
      (b) => b.payment_status === 'completed',
    );
    await p.page.getByRole('button', { name: 'Reschedule', exact: true }).waitFor();
    expect(await p.page.getByTestId('policy-sentence').innerText()).toContain(SENTENCE);
    await p.screenshot('manage-01-confirmed');
    expect(await seriousViolations(p.page)).toEqual([]);

    // Reschedule: the first free time offered with the same doctor.
    await p.page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const panel = p.page.getByRole('region', { name: 'Choose a new time' });
    const firstDay = panel.getByRole('region', { name: /^Free times on / }).first();
    await firstDay.waitFor();
    const newTime = firstDay.getByRole('button').first();
    const newTimeText = (await newTime.innerText()).trim();
    await newTime.click();
    await p.screenshot('manage-02-choose-time');
    expect(await seriousViolations(p.page)).toEqual([]);
    await panel.getByRole('button', { name: /^Move to / }).click();
    await p.page.getByText('Your booking has been moved.').waitFor();
    await resultHeading(p.page, 'Your appointment is confirmed');
    const timeRow = p.page
      .locator('dt', { hasText: 'Time' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await timeRow.innerText()).toContain(newTimeText);
    const moved = await storedBooking(stack.api, reference);
    expect(moved.status).toBe('confirmed');
    expect(moved.payment_status).toBe('completed');
    expect(moved.starts_at.getTime()).not.toBe(paid.starts_at.getTime());
    await p.screenshot('manage-03-moved');

    // Cancel: the dialog states the refund before anything happens.
    await p.page.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
    const dialog = p.page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('refund-statement').innerText()).toBe(
      'You will be refunded $30.00 of $60.00.',
    );
    await p.screenshot('manage-04-cancel-dialog');
    expect(await seriousViolations(p.page)).toEqual([]);
    expect((await storedBooking(stack.api, reference)).status).toBe('confirmed');
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await resultHeading(p.page, 'This booking is cancelled');
    const refundRow = p.page
      .locator('dt', { hasText: 'Refund' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await refundRow.innerText()).toMatch(/^\$30\.00, (sent to your card|being sent)/);
    await p.screenshot('manage-05-cancelled');

    const refund = await eventually(
      () =>
        stack.api.db
          .selectFrom('refunds')
          .innerJoin('payments', 'payments.id', 'refunds.payment_id')
          .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
          .select(['refunds.amount', 'refunds.status', 'appointments.status as appointment'])
          .where('appointments.reference', '=', reference)
          .execute(),
      (rows) => rows.length === 1 && rows[0]!.status === 'succeeded',
    );
    expect(refund).toEqual([{ amount: 3000, status: 'succeeded', appointment: 'cancelled' }]);
    expect(p.errors).toEqual([]);
  });
});
