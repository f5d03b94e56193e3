/**
 * Bookings made behind the browser's back, as other patients would make them: through the API's
 * own procedures, paid with the emulator's test cards. The admin's pages then have rows to show.
 */
import { addDays, toLocal } from '@clinicpay/contracts';
import { createTestCaller } from '@clinicpay/api/testing';
import type { AdminStack } from './admin-stack.js';

export const CONSULTATION_ID = '7c1d0000-0000-4000-8000-0000000000a1';
const ZONE = 'America/New_York';

export interface Patient {
  name: string;
  email: string;
  phone: string;
}

/** The patients the admin tests book for; their names are what the admin finds rows by. */
export const ADA: Patient = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+1 212 555 0100',
};
export const GRACE: Patient = {
  name: 'Grace Hopper',
  email: 'grace@example.com',
  phone: '+1 212 555 0101',
};

async function firstFreeSlot(stack: AdminStack, serviceId: string): Promise<string> {
  const caller = createTestCaller(stack.api.runtime);
  const today = toLocal(stack.api.runtime.clock.now(), ZONE).date;
  const availability = await caller.catalogue.availability({
    serviceId,
    from: today,
    to: addDays(today, 27),
  });
  const slot = availability.days.flatMap((d) => d.slots)[0];
  if (!slot) throw new Error('No free time left in the next four weeks.');
  return slot.startsAt;
}

/** Books the first free time; with a card, pays it (4242…) and waits until the webhook confirmed it. */
export async function book(
  stack: AdminStack,
  patient: Patient,
  options: { method?: 'stripe' | 'pay_at_clinic'; pay?: boolean; serviceId?: string } = {},
) {
  const serviceId = options.serviceId ?? CONSULTATION_ID;
  const method = options.method ?? 'stripe';
  const caller = createTestCaller(stack.api.runtime);
  const booking = await caller.booking.create({
    serviceId,
    doctorId: 'any',
    startsAt: await firstFreeSlot(stack, serviceId),
    patient,
    paymentMethod: method,
  });
  if (method === 'stripe' && options.pay !== false) {
    const session = stack.stripe.control
      .objects('test')
      .checkoutSessions.find((s) => s.metadata?.booking_reference === booking.reference);
    if (!session) throw new Error(`No checkout session for ${booking.reference}`);
    stack.stripe.control.paySession(session.id, '4242424242424242');
    await stack.stripe.control.waitForDeliveries();
  }
  return booking;
}

/** The stored payment of a booking (its Stripe ids and status), as the product recorded it. */
export async function paymentOf(stack: AdminStack, reference: string) {
  return stack.api.db
    .selectFrom('payments')
    .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
    .select([
      'payments.id',
      'payments.status',
      'payments.payment_intent_id',
      'payments.charge_id',
      'payments.amount',
      'payments.amount_refunded',
    ])
    .where('appointments.reference', '=', reference)
    .orderBy('payments.created_at', 'desc')
    .executeTakeFirstOrThrow();
}
