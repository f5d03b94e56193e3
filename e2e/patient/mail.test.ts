// The confirmation e-mail, as a patient receives it: sent by the API's own sender to the mail
// catcher `npm start` runs, with a link that opens the booking in the browser.
import type { CaughtMessage } from '@clinicpay/mail-catcher';
import { describe, expect, it } from 'vitest';
import {
  bookUpToPayment,
  CARDS,
  choosePayment,
  confirmAndOpenCard,
  PATIENT,
  payByCard,
  resultHeading,
} from './support/booking-page.js';
import { usePatientStack } from './support/use-patient-stack.js';

/** The booking page link a message carries (its text part: no HTML entities to undo). */
function bookingLinkIn(message: CaughtMessage, reference: string): string {
  const link = new RegExp(`https?://\\S+/booking/${reference}\\?token=[\\w-]+`).exec(message.text);
  if (!link) throw new Error(`No link to ${reference} in:\n${message.text}`);
  return link[0];
}

describe('the patient gets a confirmation e-mail', () => {
  const stack = usePatientStack();

  const confirmationOf = (reference: string) =>
    stack.mail.waitFor(
      (m) => m.to.includes(PATIENT.email) && m.subject.includes(reference),
      10_000,
    );

  it('Pay at clinic: the confirmation arrives within 10 s and its link opens the booking', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    await choosePayment(p.page, 'Pay at clinic');
    await p.page.getByRole('button', { name: 'Confirm booking' }).click();
    await resultHeading(p.page, 'Your appointment is confirmed');
    const reference = /\/booking\/(CP-[0-9A-Z]+)/.exec(p.page.url())![1]!;

    const message = await confirmationOf(reference);
    expect(message.text).toContain('Pay at clinic');
    expect(message.attachments.map((a) => a.contentType)).toEqual([
      expect.stringContaining('text/calendar'),
    ]);

    const reader = await stack.openPatient({ path: '' });
    await reader.page.goto(bookingLinkIn(message, reference));
    await resultHeading(reader.page, 'Your appointment is confirmed');
    expect(await reader.page.getByText(reference).first().isVisible()).toBe(true);
    expect(reader.errors).toEqual([]);
  });

  it('Stripe 4242: the confirmation arrives within 10 s, naming the reference', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    await payByCard(p.checkout, CARDS.success);
    await resultHeading(p.page, 'Your appointment is confirmed');

    const message = await confirmationOf(reference);
    expect(message.text).toContain('$60.00');
    const reader = await stack.openPatient();
    await reader.page.goto(bookingLinkIn(message, reference));
    await resultHeading(reader.page, 'Your appointment is confirmed');
  });
});
