// Card payments through the real API, PostgreSQL and the Stripe emulator, in Chromium: each test
// books from the start, pays (or not) in the emulator's Embedded Checkout and checks the page
// and the database.
import { createTestCaller } from '@clinicpay/api/testing';
import { describe, expect, it } from 'vitest';
import {
  bookUpToPayment,
  CARDS,
  chooseFirstFreeTime,
  confirmAndOpenCard,
  payByCard,
  resultHeading,
  tokenOf,
} from './support/booking-page.js';
import { eventually, storedBooking } from './support/database.js';
import { usePatientStack } from './support/use-patient-stack.js';

describe('patient pays by card', () => {
  const stack = usePatientStack();

  it('4242: the booking is confirmed and the payment completed', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    expect(
      await p.page.getByText(/^We hold this time for you until \d{1,2}:\d{2}/).isVisible(),
    ).toBe(true);
    await p.screenshot('card-01-form');
    await payByCard(p.checkout, CARDS.success);
    await resultHeading(p.page, 'Your appointment is confirmed');
    // Stripe's return URL brought the patient here with the session id, never the token.
    expect(p.page.url()).toMatch(new RegExp(`/booking/${reference}\\?session_id=cs_test_`));
    expect(await p.page.getByText('$60.00, paid by card').isVisible()).toBe(true);
    expect(
      await p.page.getByRole('link', { name: 'Add to calendar' }).getAttribute('download'),
    ).toBe(`appointment-${reference}.ics`);
    await p.screenshot('card-02-confirmed');
    const stored = await eventually(
      () => storedBooking(stack.api, reference),
      (b) => b.payment_status === 'completed',
    );
    expect(stored).toMatchObject({
      status: 'confirmed',
      payment_status: 'completed',
      amount: 6000,
    });
    expect(p.errors).toEqual([]);
  });

  it('0002: declined, cancelled with the time released, and booked again in one click', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    const first = await storedBooking(stack.api, reference);
    await payByCard(p.checkout, CARDS.declined);
    // The server cancels (default policy); the polling page replaces the form with the result.
    await resultHeading(p.page, 'This booking is cancelled');
    expect(await p.page.getByText(/Your payment did not go through/).isVisible()).toBe(true);
    await p.screenshot('card-03-declined');
    expect(await storedBooking(stack.api, reference)).toMatchObject({
      status: 'cancelled',
      payment_status: 'failed',
      cancel_reason: 'payment_failed',
    });

    await p.page.getByRole('button', { name: 'Book this time again' }).click();
    await p.checkout.getByLabel('Card number').waitFor();
    const again = await eventually(
      () => p.page.evaluate(() => sessionStorage.getItem('clinicpay.wizard')),
      (saved) => saved !== null && !saved.includes(reference),
    );
    const newReference = (JSON.parse(again!) as { checkout: { reference: string } }).checkout
      .reference;
    const second = await storedBooking(stack.api, newReference);
    expect(second).toMatchObject({ status: 'pending_payment', payment_status: 'pending' });
    expect(second.starts_at.toISOString()).toBe(first.starts_at.toISOString());
    await p.screenshot('card-04-rebooked');

    await payByCard(p.checkout, CARDS.success);
    await resultHeading(p.page, 'Your appointment is confirmed');
    expect(p.errors).toEqual([]);
  });

  it('3155: authentication completed, then confirmed', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    await payByCard(p.checkout, CARDS.authenticate);
    await p.checkout.getByRole('button', { name: 'Complete' }).click();
    await resultHeading(p.page, 'Your appointment is confirmed');
    expect(await storedBooking(stack.api, reference)).toMatchObject({
      status: 'confirmed',
      payment_status: 'completed',
    });
  });

  it('page closed mid-checkout, paid through the emulator: the status link shows it confirmed (webhook)', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    const token = await tokenOf(p.page, reference);
    const { checkout_session_id: sessionId } = await storedBooking(stack.api, reference);
    await p.close();

    stack.stripe.control.paySession(sessionId!);
    await stack.stripe.control.waitForDeliveries();
    expect(await storedBooking(stack.api, reference)).toMatchObject({
      status: 'confirmed',
      payment_status: 'completed',
    });

    // Later, on another device: the link from the confirmation.
    const later = await stack.openPatient({ path: `booking/${reference}?token=${token}` });
    await resultHeading(later.page, 'Your appointment is confirmed');
    expect(await later.page.getByText('Keep this link to see your booking later').isVisible()).toBe(
      true,
    );
    await later.screenshot('card-05-status-link');
  });

  it('cancelling an unpaid booking from the card form releases the time', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    await p.page.getByRole('button', { name: 'Cancel this booking' }).click();
    await resultHeading(p.page, 'This booking is cancelled');
    expect(
      await p.page.getByText('You cancelled this booking. Nothing was charged.').isVisible(),
    ).toBe(true);
    expect(await storedBooking(stack.api, reference)).toMatchObject({
      status: 'cancelled',
      payment_status: 'expired',
      cancel_reason: 'cancelled_by_patient',
    });
    // Released: the same time can be booked again at once.
    await p.page.getByRole('button', { name: 'Book this time again' }).waitFor();
  });

  it('a time taken meanwhile: back to the times, with the message', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const wizard = JSON.parse(
      (await p.page.evaluate(() => sessionStorage.getItem('clinicpay.wizard')))!,
    ) as {
      serviceId: string;
      slot: { startsAt: string };
    };
    // Others book that very time first, with every doctor free then (the API, as other browsers would).
    const caller = createTestCaller(stack.api.runtime);
    const others = ['Grace Hopper', 'Alan Turing', 'Katherine Johnson'];
    let taken = 0;
    for (const name of others) {
      const booked = await caller.booking
        .create({
          serviceId: wizard.serviceId,
          doctorId: 'any',
          startsAt: wizard.slot.startsAt,
          patient: { name, email: 'other@example.com', phone: '+1 212 555 0199' },
          paymentMethod: 'pay_at_clinic',
        })
        .then(
          () => true,
          () => false,
        );
      if (!booked) break;
      taken++;
    }
    expect(taken).toBeGreaterThan(0);
    await p.page.getByRole('button', { name: 'Confirm and pay' }).click();
    await p.page.getByRole('heading', { level: 2, name: 'Choose a date and time' }).waitFor();
    expect(await p.page.getByRole('alert').innerText()).toBe(
      'This time was just taken; please pick another.',
    );
    await p.screenshot('card-07-time-taken');
    // The patient picks another time and carries on, details kept.
    await chooseFirstFreeTime(p.page);
    expect(await p.page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace');
  });

  it('a lapsed hold: the open form is replaced by the cancellation', async () => {
    const p = await stack.openPatient();
    await bookUpToPayment(p.page);
    const reference = await confirmAndOpenCard(p);
    const { checkout_session_id: sessionId } = await storedBooking(stack.api, reference);
    stack.advance(36 * 60);
    // The emulator's clock expires due sessions as it moves; sweeping again is harmless.
    stack.stripe.control.expireDueSessions();
    expect(stack.stripe.control.object(sessionId!)).toMatchObject({ status: 'expired' });
    await resultHeading(p.page, 'This booking is cancelled');
    expect(
      await p.page
        .getByText('The time we held for you ran out before the payment was made.')
        .isVisible(),
    ).toBe(true);
    await p.screenshot('card-06-lapsed');
    expect(await storedBooking(stack.api, reference)).toMatchObject({
      status: 'cancelled',
      payment_status: 'expired',
    });
  });
});
