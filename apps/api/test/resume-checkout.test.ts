// booking.resumeCheckout: the card form of an unpaid booking, opened again from its status link,
// against real PostgreSQL and the Stripe emulator.
import { generateApiKey } from '@clinicpay/stripe-emulator';
import { sql } from '@clinicpay/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { createTestCaller, startTestApi, startTestStack } from '../src/testing.js';
import { trpcMutation } from './support/admin-http.js';
import { book, freeSlots, waitUntil } from './support/booking.js';
import { DEMO_KEYS } from '@clinicpay/demo';
import { useTestStack } from './support/test-stack.js';

const STRIPE_JS_URL = 'http://127.0.0.1:12111/v3/stripe.js';
const NOT_FOUND = {
  code: 'NOT_FOUND',
  message: 'We could not find this booking. Check the link from your booking confirmation.',
};
const LAPSED =
  'The time we held for you ran out before the payment was made, so it was released. Nothing was charged; please book again.';
const PAID = 'This booking is already paid and confirmed; there is nothing more to pay.';

const stack = useTestStack({ env: { STRIPE_JS_URL } });
let slots: string[];
beforeAll(async () => {
  // Each test books its own time; an "any doctor" booking leaves the other doctor free, so one per slot.
  slots = (await freeSlots(stack.api.runtime)).map((s) => s.startsAt);
});

const runtime = () => stack.api.runtime;
const resume = (reference: string, token: string) =>
  createTestCaller(runtime()).booking.resumeCheckout({ reference, token });
let next = 0;
const cardBooking = () => book(runtime(), { startsAt: slots[next++ * 3]! });
const stored = (reference: string) =>
  stack.api.db
    .selectFrom('appointments')
    .innerJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.status',
      'appointments.cancel_reason',
      'payments.status as payment_status',
      'payments.checkout_session_id',
    ])
    .where('appointments.reference', '=', reference)
    .executeTakeFirstOrThrow();
const sessionOf = async (reference: string) => (await stored(reference)).checkout_session_id!;
const conflict = (message: string) => ({ code: 'CONFLICT', message });

/** Runs `body` with the emulator's webhook deliveries dropped: the API hears nothing from Stripe. */
async function withoutWebhooks(body: () => Promise<void>) {
  const endpoint = stack.stripe.control.webhookEndpoints()[0]!;
  stack.stripe.control.setWebhookFaults(endpoint.id, { dropProbability: 1 });
  try {
    await body();
  } finally {
    stack.stripe.control.setWebhookFaults(endpoint.id, {});
  }
}

describe('booking.resumeCheckout', () => {
  it('hands back the booking’s own open session, read from Stripe, for the card form', async () => {
    const booking = await cardBooking();
    const reads = () =>
      stack.stripe.control
        .requests()
        .filter((r) => r.method === 'GET' && r.path.startsWith('/v1/checkout/sessions/')).length;
    const readsBefore = reads();

    const resumed = await resume(booking.reference, booking.token);

    expect(resumed).toEqual({
      reference: booking.reference,
      holdExpiresAt: booking.holdExpiresAt,
      checkout: {
        clientSecret: booking.checkout!.clientSecret,
        publishableKey: DEMO_KEYS.publishableKey,
      },
      stripeJsUrl: STRIPE_JS_URL,
    });
    expect(reads()).toBe(readsBefore + 1);
    // Asked of Stripe each time, never kept: no row of ours holds the client secret.
    const { rows } = await sql<{
      row: string;
    }>`select row_to_json(p)::text as row from payments p`.execute(stack.api.db);
    expect(rows.some((r) => r.row.includes(resumed.checkout.clientSecret))).toBe(false);
    expect(await stored(booking.reference)).toMatchObject({
      status: 'pending_payment',
      payment_status: 'pending',
    });
  });

  it('answers a wrong token, another booking’s token or an unknown reference alike, and never takes a session id', async () => {
    const booking = await cardBooking();
    const other = await cardBooking();
    await expect(
      resume(
        booking.reference,
        `${booking.token.slice(0, -1)}${booking.token.endsWith('A') ? 'B' : 'A'}`,
      ),
    ).rejects.toMatchObject(NOT_FOUND);
    await expect(resume(booking.reference, other.token)).rejects.toMatchObject(NOT_FOUND);
    await expect(resume('CP-NOSUCH00', booking.token)).rejects.toMatchObject(NOT_FOUND);
    const sessionId = await sessionOf(booking.reference);
    await expect(
      createTestCaller(runtime()).booking.resumeCheckout({
        reference: booking.reference,
        sessionId,
      } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('has nothing to pay online for a pay-at-clinic booking or a free service', async () => {
    const atClinic = await book(runtime(), {
      startsAt: slots[next++ * 3]!,
      paymentMethod: 'pay_at_clinic',
    });
    await expect(resume(atClinic.reference, atClinic.token)).rejects.toMatchObject(
      conflict(
        'This booking is paid at the clinic, so there is nothing to pay online. Please pay when you arrive.',
      ),
    );
    const freeService = DEMO_SERVICES.find((s) => s.priceAmount === 0)!;
    const [freeSlot] = await freeSlots(runtime(), freeService.id);
    const free = await book(runtime(), { serviceId: freeService.id, startsAt: freeSlot!.startsAt });
    await expect(resume(free.reference, free.token)).rejects.toMatchObject(
      conflict('This appointment is free, so there is nothing to pay.'),
    );
  });

  it('says a paid booking is paid', async () => {
    const booking = await cardBooking();
    stack.stripe.control.paySession(await sessionOf(booking.reference), '4242424242424242');
    await waitUntil(
      () => stored(booking.reference),
      (b) => b.status === 'confirmed',
    );
    await expect(resume(booking.reference, booking.token)).rejects.toMatchObject(conflict(PAID));
  });

  it('confirms a booking Stripe reports paid before its webhook came, then says it is paid', async () => {
    await withoutWebhooks(async () => {
      const booking = await cardBooking();
      stack.stripe.control.paySession(await sessionOf(booking.reference), '4242424242424242');
      await stack.stripe.control.waitForDeliveries();
      expect(await stored(booking.reference)).toMatchObject({
        status: 'pending_payment',
        payment_status: 'pending',
      });

      await expect(resume(booking.reference, booking.token)).rejects.toMatchObject(conflict(PAID));
      expect(await stored(booking.reference)).toMatchObject({
        status: 'confirmed',
        payment_status: 'completed',
      });
    });
  });

  it('says why a cancelled booking cannot be paid', async () => {
    const cancelled = await cardBooking();
    await createTestCaller(runtime()).booking.cancel({
      reference: cancelled.reference,
      token: cancelled.token,
    });
    await expect(resume(cancelled.reference, cancelled.token)).rejects.toMatchObject(
      conflict(
        'This booking is cancelled and its time was released, so there is nothing to pay. Please book again if you still need an appointment.',
      ),
    );

    const declined = await cardBooking();
    stack.stripe.control.declineSession(await sessionOf(declined.reference), 'card_declined');
    await waitUntil(
      () => stored(declined.reference),
      (b) => b.status === 'cancelled',
    );
    await expect(resume(declined.reference, declined.token)).rejects.toMatchObject(
      conflict('Your payment did not go through, so the time was released. Please book again.'),
    );
  });

  it('refuses a hold that has lapsed even while the session is still open at Stripe', async () => {
    const booking = await cardBooking();
    const now = runtime().clock.now();
    await stack.api.db
      .updateTable('appointments')
      .set({ hold_expires_at: new Date(now.getTime() - 1000) })
      .where('reference', '=', booking.reference)
      .execute();
    await expect(resume(booking.reference, booking.token)).rejects.toMatchObject(conflict(LAPSED));
    expect(stack.stripe.control.object(await sessionOf(booking.reference))).toMatchObject({
      status: 'open',
    });
    // Releasing it is the sweeper's job (it expires the session first); nothing else changed.
    expect(await stored(booking.reference)).toMatchObject({
      status: 'pending_payment',
      payment_status: 'pending',
    });
  });

  it('gives the key of the mode the payment was made in after the clinic switches to Live', async () => {
    const booking = await cardBooking();
    const livePublishable = generateApiKey('pk', 'live');
    await stack.api.db
      .updateTable('gateway_settings')
      .set({ mode: 'live', live_publishable_key: livePublishable })
      .where('gateway', '=', 'stripe')
      .execute();
    try {
      const resumed = await resume(booking.reference, booking.token);
      expect(resumed.checkout.publishableKey).toBe(DEMO_KEYS.publishableKey);
    } finally {
      await stack.api.db
        .updateTable('gateway_settings')
        .set({ mode: 'test', live_publishable_key: null })
        .where('gateway', '=', 'stripe')
        .execute();
    }
  });

  // Last: it moves the stack's one clock past every hold made so far.
  it('cancels a lapsed booking Stripe reports expired before its webhook came, then says the time was released', async () => {
    await withoutWebhooks(async () => {
      const booking = await cardBooking();
      stack.advance(36 * 60);
      stack.stripe.control.expireDueSessions();
      await stack.stripe.control.waitForDeliveries();
      expect(await stored(booking.reference)).toMatchObject({ status: 'pending_payment' });

      await expect(resume(booking.reference, booking.token)).rejects.toMatchObject(
        conflict(LAPSED),
      );
      expect(await stored(booking.reference)).toMatchObject({
        status: 'cancelled',
        cancel_reason: 'checkout_expired',
        payment_status: 'expired',
      });
    });
  });
});

describe('booking.resumeCheckout when Stripe cannot be reached', () => {
  it('says to try again, and leaves the hold alone', async () => {
    const own = await startTestStack();
    try {
      const [slot] = await freeSlots(own.api.runtime);
      const booking = await book(own.api.runtime, { startsAt: slot!.startsAt });
      await own.stripe.stop();
      await expect(
        createTestCaller(own.api.runtime).booking.resumeCheckout({
          reference: booking.reference,
          token: booking.token,
        }),
      ).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message:
          'We could not reach the card payment service. Please try again in a moment; your time stays held.',
      });
      const row = await own.api.db
        .selectFrom('appointments')
        .select('status')
        .where('reference', '=', booking.reference)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('pending_payment');
    } finally {
      await own.api.stop();
    }
  });
});

describe('booking.resumeCheckout rate limit', () => {
  it('limits it per address like booking.create, counted on its own, with a sentence and Retry-After', async () => {
    const api = await startTestApi({ env: { BOOKING_RATE_LIMIT: '2/1m' } });
    try {
      const attempt = () =>
        trpcMutation(api.url, 'booking.resumeCheckout', {
          reference: 'CP-NOSUCH00',
          token: 'x'.repeat(30),
        });
      expect((await attempt()).status).toBe(404);
      expect((await attempt()).status).toBe(404);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.body.error?.message).toMatch(
        /^Too many attempts to open the card form from your network\. Please wait \d+ seconds? and try again; your time stays held meanwhile\.$/,
      );
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // booking.create keeps its own count.
      expect((await trpcMutation(api.url, 'booking.create', { serviceId: 'x' })).status).toBe(400);
    } finally {
      await api.stop();
    }
  });
});
