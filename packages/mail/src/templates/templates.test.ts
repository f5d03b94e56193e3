// What each kind says, checked on the text part (the HTML carries the same words, escaped).
import { describe, expect, it } from 'vitest';
import type { CancelCause, MailMessage } from '../message.js';
import { renderMail } from '../render.js';
import { APPOINTMENT, CLINIC, PARTIAL_REFUND, SAMPLES } from '../test/sample-messages.js';

const text = async (message: MailMessage) => (await renderMail(message)).text;
const subject = async (message: MailMessage) => (await renderMail(message)).subject;

describe('booking_confirmed', () => {
  it('says a card payment was made with Stripe', async () => {
    expect(await text(SAMPLES.booking_confirmed)).toContain(
      'Payment: NZ$60.00 paid by card (Stripe)',
    );
  });

  it('says a Pay at clinic amount is paid at the clinic', async () => {
    const body = await text({
      ...SAMPLES.booking_confirmed,
      payment: { method: 'pay_at_clinic', amount: { amount: 6000, currency: 'nzd' } },
    });
    expect(body).toContain('Payment: Pay at clinic: you pay NZ$60.00 at the clinic');
  });

  it('formats a zero-decimal currency with formatMoney', async () => {
    const body = await text({
      ...SAMPLES.booking_confirmed,
      payment: { method: 'stripe', amount: { amount: 6000, currency: 'jpy' } },
    });
    expect(body).toContain('¥6,000 paid by card');
    expect(body).not.toContain('¥60');
  });

  it('states the cancellation policy the booking keeps', async () => {
    const sentence =
      'Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no refund after.';
    expect(await text({ ...SAMPLES.booking_confirmed, policySentence: sentence })).toContain(
      `Cancellation policy: ${sentence}`,
    );
    expect(await text({ ...SAMPLES.booking_confirmed, policySentence: null })).not.toContain(
      'Cancellation policy',
    );
  });

  it('links to the booking page and gives the phone to call', async () => {
    const body = await text(SAMPLES.booking_confirmed);
    expect(body).toContain(`Manage your booking ${APPOINTMENT.link}`);
    expect(body).toContain(`call us on ${CLINIC.phone}`);
  });
});

describe('booking_rescheduled', () => {
  it('gives the old time and the new one', async () => {
    const body = await text(SAMPLES.booking_rescheduled);
    expect(body).toContain('was on Wednesday 9 December 2026, 09:30 (Pacific/Auckland)');
    expect(body).toContain('When: Thursday 10 December 2026, 11:00–11:30 (Pacific/Auckland)');
    expect(await subject(SAMPLES.booking_rescheduled)).toBe(
      'Rescheduled: Consultation now on Thu 10 Dec, 11:00 (CP-7KQ2)',
    );
  });
});

describe('booking_cancelled', () => {
  const cancelled = (cause: CancelCause) => ({ ...SAMPLES.booking_cancelled, cause, refund: null });

  it.each([
    ['patient', 'As you asked, we have cancelled your appointment.'],
    ['clinic', `${CLINIC.name} had to cancel your appointment.`],
    ['payment_failed', 'Your card payment did not go through, so the time was released'],
    ['hold_lapsed', 'The payment was not completed in time, so the time was released'],
  ] as const)('says why when the cause is %s', async (cause, sentence) => {
    expect(await text(cancelled(cause))).toContain(sentence);
  });

  it('says a pending refund is on its way, and a sent one is sent', async () => {
    const pending = await text(SAMPLES.booking_cancelled);
    expect(pending).toContain('We are refunding the full NZ$60.00 you paid');
    expect(pending).toContain('on its way');
    const sent = await text({ ...SAMPLES.booking_cancelled, refund: PARTIAL_REFUND });
    expect(sent).toContain('We have refunded NZ$30.00 of the NZ$60.00 you paid');
    expect(sent).toContain('5–10 business days');
  });

  it('says nothing of a refund when there is none', async () => {
    expect(await text(cancelled('patient'))).not.toMatch(/refund/i);
  });

  it('has a subject with the fact and the reference', async () => {
    expect(await subject(SAMPLES.booking_cancelled)).toBe(
      'Cancelled: Consultation on Wed 9 Dec, 09:30 (CP-7KQ2)',
    );
  });
});

describe('refund_sent', () => {
  it('tells a partial refund as part of what was paid, and how long it takes', async () => {
    const body = await text(SAMPLES.refund_sent);
    expect(body).toContain('We have refunded NZ$30.00 of the NZ$60.00 you paid');
    expect(body).toContain('Refunds take 5–10 business days to appear on your statement.');
    expect(await subject(SAMPLES.refund_sent)).toBe('Refund of NZ$30.00 sent (CP-7KQ2)');
  });

  it('tells a full refund as the full amount, and a pending one as on its way', async () => {
    const message = {
      ...SAMPLES.refund_sent,
      refund: { ...PARTIAL_REFUND, amount: PARTIAL_REFUND.paid, status: 'pending' as const },
    };
    expect(await text(message)).toContain('We are refunding the full NZ$60.00 you paid');
    expect(await subject(message)).toBe('Refund of NZ$60.00 on its way (CP-7KQ2)');
  });
});

describe('appointment_reminder', () => {
  it('reminds with the time, the place and how to cancel', async () => {
    const body = await text(SAMPLES.appointment_reminder);
    expect(body).toContain('Where: 12 Quay Street, Auckland 1010');
    expect(body).toContain(`Manage your booking ${APPOINTMENT.link}`);
    expect(await subject(SAMPLES.appointment_reminder)).toBe(
      'Reminder: Consultation on Wed 9 Dec, 09:30 (CP-7KQ2)',
    );
  });
});

describe('clinic notices', () => {
  it('new booking: the patient, their contact and the payment', async () => {
    const body = await text(SAMPLES.clinic_new_booking);
    expect(body).toContain('Patient: Jane Doe');
    expect(body).toContain('E-mail: jane@example.com');
    expect(body).toContain('Phone: +64215550199');
    expect(body).toContain('Payment: Pay at clinic: NZ$60.00 due at the clinic');
    expect(await subject(SAMPLES.clinic_new_booking)).toBe(
      'New booking CP-7KQ2: Jane Doe, Wed 9 Dec, 09:30',
    );
  });

  it('cancellation: who or what cancelled, for each cause', async () => {
    const body = (cause: CancelCause) => text({ ...SAMPLES.clinic_cancellation, cause });
    expect(await body('patient')).toContain('Jane Doe cancelled the appointment.');
    expect(await body('payment_failed')).toContain(
      "Jane Doe's card payment did not go through, so the time was released.",
    );
    expect(await body('hold_lapsed')).toContain('did not complete the payment in time');
  });

  it('dispute: amount, reason, respond-by date in the zone, the link', async () => {
    const body = await text(SAMPLES.clinic_dispute_opened);
    expect(body).toContain('a card payment of NZ$60.00');
    expect(body).toContain('The reason it gave: product not received.');
    expect(body).toContain('by Tuesday 22 December 2026, 23:59 (Pacific/Auckland)');
    expect(body).toContain(SAMPLES.clinic_dispute_opened.link);
    expect(await subject(SAMPLES.clinic_dispute_opened)).toBe(
      'Payment disputed: NZ$60.00 (CP-7KQ2), respond by Tue 22 Dec',
    );
  });

  it('dispute without a booking or a deadline', async () => {
    const message = {
      ...SAMPLES.clinic_dispute_opened,
      appointment: null,
      dispute: { ...SAMPLES.clinic_dispute_opened.dispute, respondBy: null },
    };
    expect(await text(message)).toContain('matches no booking');
    expect(await text(message)).toContain('Stripe gave no deadline');
    expect(await subject(message)).toBe('Payment disputed: NZ$60.00');
  });

  it('alert: the count since when, the detail and the link', async () => {
    const body = await text(SAMPLES.clinic_alert);
    expect(body).toContain(
      '12 webhook deliveries from Stripe failed the signature check since Wednesday 9 December 2026, 08:00 (Pacific/Auckland).',
    );
    expect(body).toContain(SAMPLES.clinic_alert.detail);
    expect(body).toContain(SAMPLES.clinic_alert.link);
    const one = await renderMail({ ...SAMPLES.clinic_alert, alert: 'stripe_refusals', count: 1 });
    expect(one.text).toContain('Stripe refused 1 request since');
    expect(one.subject).toBe('Alert: 1 Stripe refusal since Wed 9 Dec, 08:00');
  });

  it('undeliverable: to whom, what, the error and the e-mail log', async () => {
    const body = await text(SAMPLES.clinic_undeliverable);
    expect(body).toContain('To: jane@example.invalid');
    expect(body).toContain('What: the booking confirmation for CP-7KQ2');
    expect(body).toContain('Error: 550 5.1.1 The e-mail account does not exist');
    expect(body).toContain(`Open the e-mail log ${SAMPLES.clinic_undeliverable.link}`);
  });

  it('test message: who asked, and that e-mail works', async () => {
    const body = await text(SAMPLES.test_message);
    expect(body).toContain('Sam Carter (sam@harbourview.example) asked Clinicpay');
    expect(body).toContain('E-mail works');
  });
});
