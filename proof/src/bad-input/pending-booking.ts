// A real booking waiting for its card payment, made the way the booking SPA makes it (over
// HTTP), and the real Stripe events of its payment, which the emulator made but never delivered.
import { addDays, toLocal } from '@clinicpay/contracts';
import type { RunningEmulator } from '@clinicpay/stripe-emulator';
import type Stripe from 'stripe';
import { callOrThrow } from './trpc-http.js';

export interface PendingBooking {
  reference: string;
  token: string;
  serviceId: string;
  sessionId: string;
  paymentIntentId: string;
  /** checkout.session.completed and the rest of the payment's events, as Stripe would send them. */
  events: Stripe.Event[];
}

interface Slot {
  startsAt: string;
  doctorIds: string[];
}

/** Books the first free slot of the clinic's first paid service, by card, then pays it in the emulator. */
export async function createPaidButUndeliveredBooking(
  apiUrl: string,
  stripe: RunningEmulator,
): Promise<PendingBooking> {
  if (stripe.control.webhookEndpoints().length > 0)
    throw new Error('The emulator would deliver the payment; remove its endpoints first.');
  const clinic = await callOrThrow<{ timeZone: string }>(
    apiUrl,
    'catalogue.clinic',
    'query',
    undefined,
  );
  const services = await callOrThrow<Array<{ id: string; price: { amount: number } }>>(
    apiUrl,
    'catalogue.services',
    'query',
    undefined,
  );
  const service = services.find((s) => s.price.amount > 0);
  if (!service) throw new Error('The seeded clinic has no paid service');
  const today = toLocal(new Date(), clinic.timeZone).date;
  const availability = await callOrThrow<{ days: Array<{ slots: Slot[] }> }>(
    apiUrl,
    'catalogue.availability',
    'query',
    {
      serviceId: service.id,
      from: today,
      to: addDays(today, 13),
    },
  );
  const slot = availability.days.flatMap((d) => d.slots)[0];
  if (!slot) throw new Error('No free slot in the next two weeks');
  const booking = await callOrThrow<{ reference: string; token: string; status: string }>(
    apiUrl,
    'booking.create',
    'mutation',
    {
      serviceId: service.id,
      doctorId: 'any',
      startsAt: slot.startsAt,
      patient: {
        name: 'Proof Patient',
        email: 'proof.patient@example.com',
        phone: '+1 212 555 0100',
      },
      paymentMethod: 'stripe',
    },
  );
  if (booking.status !== 'pending_payment')
    throw new Error(`The card booking is ${booking.status}, not pending_payment`);

  const session = stripe.control
    .objects('test')
    .checkoutSessions.find((s) => s.metadata?.booking_reference === booking.reference);
  if (!session) throw new Error(`No checkout session in the emulator for ${booking.reference}`);
  const paid = stripe.control.paySession(session.id, '4242424242424242');
  if (paid.status !== 'succeeded')
    throw new Error(`Paying ${session.id} with the success card ended ${paid.status}`);
  const paymentIntentId = paid.paymentIntent.id;
  const events = stripe.control.events({ mode: 'test' }).filter((event) => {
    const object = event.data.object as { id?: string; payment_intent?: unknown };
    return (
      object.id === session.id ||
      object.id === paymentIntentId ||
      object.payment_intent === paymentIntentId
    );
  });
  if (!events.some((e) => e.type === 'checkout.session.completed'))
    throw new Error('The payment made no checkout.session.completed');
  return {
    reference: booking.reference,
    token: booking.token,
    serviceId: service.id,
    sessionId: session.id,
    paymentIntentId,
    events,
  };
}
