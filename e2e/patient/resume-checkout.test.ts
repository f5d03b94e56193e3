// "Pay now" on the status link: a patient who left the card form opens the link on another device
// (a fresh browser context, nothing in its storage) and pays there, through the real API,
// PostgreSQL and the Stripe emulator, in Chromium.
import { describe, expect, it } from 'vitest';
import {
  bookUpToPayment,
  CARDS,
  confirmAndOpenCard,
  payByCard,
  resultHeading,
  seriousViolations,
  tokenOf,
} from './support/booking-page.js';
import { eventually, storedBooking } from './support/database.js';
import { usePatientStack } from './support/use-patient-stack.js';

describe('patient reopens the card form from the status link', () => {
  const stack = usePatientStack();

  it('books with Stripe, leaves, opens the link on another device, pays with 4242: confirmed', async () => {
    const first = await stack.openPatient();
    await bookUpToPayment(first.page);
    const reference = await confirmAndOpenCard(first);
    const token = await tokenOf(first.page, reference);
    const { checkout_session_id: sessionId } = await storedBooking(stack.api, reference);
    await first.close();

    const later = await stack.openPatient({ path: `booking/${reference}?token=${token}` });
    await resultHeading(later.page, 'Waiting for your payment');
    await later.screenshot('resume-00-waiting');
    expect(await seriousViolations(later.page)).toEqual([]);
    await later.page.getByRole('button', { name: 'Pay now' }).click();
    await later.checkout.getByLabel('Card number').waitFor();
    expect(
      await later.page.getByText(/^We hold this time for you until \d{1,2}:\d{2}/).isVisible(),
    ).toBe(true);
    await later.screenshot('resume-01-form');
    // The form's heading takes focus, so keyboard and screen-reader users start at the form.
    await expect
      .poll(() => later.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Pay by card');
    expect(await seriousViolations(later.page)).toEqual([]);

    await payByCard(later.checkout, CARDS.success);
    await resultHeading(later.page, 'Your appointment is confirmed');
    // The booking's own session was paid (no second one was made), and Stripe's return URL came back here.
    expect(later.page.url()).toMatch(
      new RegExp(`/booking/${reference}\\?session_id=${sessionId}$`),
    );
    const stored = await eventually(
      () => storedBooking(stack.api, reference),
      (b) => b.payment_status === 'completed',
    );
    expect(stored).toMatchObject({
      status: 'confirmed',
      payment_status: 'completed',
      checkout_session_id: sessionId,
      amount: 6000,
    });
    expect(
      stack.stripe.control
        .objects('test')
        .checkoutSessions.filter((s) => s.metadata?.booking_reference === reference),
    ).toHaveLength(1);
    // This tab remembered the link it came with, so the confirmation still offers it.
    expect(await later.page.getByText('Keep this link to see your booking later').isVisible()).toBe(
      true,
    );
    await later.screenshot('resume-02-confirmed');
    expect(later.errors).toEqual([]);
  });
});
