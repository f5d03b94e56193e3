import { sql } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { createTestCaller } from '../src/testing.js';
import { book, consultation, freeSlots } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';
import { checkoutSessionOf } from './support/emulator-objects.js';

const stack = useTestStack({ webhooks: false });

const runtime = () => stack.api.runtime;
const sessionCount = () => stack.stripe.control.objects('test').checkoutSessions.length;
/** The consultation's price, and the currency Stripe charges in: the clinic changes both together. */
async function priceConsultationIn(currency: string, amount: number) {
  await stack.api.db
    .updateTable('services')
    .set({ price_currency: currency, price_amount: amount })
    .where('id', '=', consultation.id)
    .execute();
  await stack.api.db
    .updateTable('gateway_settings')
    .set({ currency })
    .where('gateway', '=', 'stripe')
    .execute();
}

describe('booking: what a patient can and cannot book', () => {
  it('200 concurrent bookings of one slot: exactly one hold; the losers never reach Stripe', async () => {
    const slot = (await freeSlots(runtime()))[2]!;
    const doctorId = slot.doctorIds[0]!;
    const sessionsBefore = sessionCount();
    const attempts = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        book(runtime(), {
          startsAt: slot.startsAt,
          doctorId,
          patient: { name: `Patient ${i}`, email: `p${i}@example.com`, phone: '+1 555 0100' },
        }),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(199);
    for (const loser of lost) {
      expect(loser.reason).toMatchObject({
        code: 'CONFLICT',
        message: 'This time was just taken; please pick another.',
      });
    }
    expect(sessionCount() - sessionsBefore).toBe(1);
    const active = await stack.api.db
      .selectFrom('appointments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('doctor_id', '=', doctorId)
      .where('starts_at', '=', new Date(slot.startsAt))
      .where('status', '<>', 'cancelled')
      .executeTakeFirstOrThrow();
    expect(active.n).toBe(1);
    // Nobody's details were written for the attempts that lost.
    const patients = await stack.api.db
      .selectFrom('patients')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('name', 'like', 'Patient %')
      .executeTakeFirstOrThrow();
    expect(patients.n).toBe(1);
  });

  it('calls a time "just taken" when the doctors who work then are booked, though another offers the service at other hours', async () => {
    // The third doctor offers the consultation but does not work at all for this test.
    const [, , third] = DEMO_DOCTORS;
    const db = stack.api.db;
    const hours = await db
      .selectFrom('doctor_weekly_hours')
      .selectAll()
      .where('doctor_id', '=', third.id)
      .execute();
    await db.deleteFrom('doctor_weekly_hours').where('doctor_id', '=', third.id).execute();
    const offered = await db
      .insertInto('doctor_services')
      .values({ doctor_id: third.id, service_id: consultation.id })
      .onConflict((oc) => oc.doNothing())
      .returning('doctor_id')
      .execute();
    try {
      const slot = (await freeSlots(runtime())).find((s) => s.doctorIds.length === 2)!;
      for (let i = 0; i < 2; i++) await book(runtime(), { startsAt: slot.startsAt });
      await expect(book(runtime(), { startsAt: slot.startsAt })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'This time was just taken; please pick another.',
      });
    } finally {
      if (hours.length > 0) await db.insertInto('doctor_weekly_hours').values(hours).execute();
      if (offered.length > 0)
        await db
          .deleteFrom('doctor_services')
          .where('doctor_id', '=', third.id)
          .where('service_id', '=', consultation.id)
          .execute();
    }
  });

  it('"any available" gives the second doctor when the first is taken', async () => {
    const slot = (await freeSlots(runtime())).find((s) => s.doctorIds.length === 2)!;
    const first = await book(runtime(), { startsAt: slot.startsAt, doctorId: 'any' });
    const second = await book(runtime(), { startsAt: slot.startsAt, doctorId: 'any' });
    await expect(
      book(runtime(), { startsAt: slot.startsAt, doctorId: 'any' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const doctors = await stack.api.db
      .selectFrom('appointments')
      .select('doctor_id')
      .where('reference', 'in', [first.reference, second.reference])
      .execute();
    expect(new Set(doctors.map((d) => d.doctor_id))).toEqual(new Set(slot.doctorIds));
  });

  it('refuses times in the past, too soon, too far ahead, off the grid, and unknown services or doctors', async () => {
    const now = runtime().clock.now().getTime();
    const cases: [Parameters<typeof book>[1], string, RegExp][] = [
      [{ startsAt: new Date(now - 3600_000).toISOString() }, 'BAD_REQUEST', /already passed/],
      [{ startsAt: new Date(now + 10 * 60_000).toISOString() }, 'BAD_REQUEST', /too soon/],
      [{ startsAt: new Date(now + 90 * 86_400_000).toISOString() }, 'BAD_REQUEST', /too far ahead/],
      [
        // The last free time: nothing booked near it by the tests before this one.
        { startsAt: offGrid((await freeSlots(runtime())).at(-1)!.startsAt) },
        'BAD_REQUEST',
        /outside the opening hours/,
      ],
      [
        {
          startsAt: (await freeSlots(runtime()))[0]!.startsAt,
          serviceId: '00000000-0000-4000-8000-000000000000',
        },
        'NOT_FOUND',
        /not offered/,
      ],
      [
        { startsAt: (await freeSlots(runtime()))[0]!.startsAt, doctorId: DEMO_DOCTORS[2].id },
        'NOT_FOUND',
        /does not offer this service/,
      ],
    ];
    for (const [input, code, message] of cases) {
      await expect(book(runtime(), input)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
  });

  it('rejects malformed input with a sentence per field, before anything is written', async () => {
    const caller = createTestCaller(runtime());
    const before = await stack.api.db
      .selectFrom('patients')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const attempt = caller.booking.create({
      serviceId: 'not-a-uuid',
      doctorId: 'any',
      startsAt: 'tomorrow',
      patient: { name: '', email: 'nope', phone: 'x' },
      paymentMethod: 'stripe',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const after = await stack.api.db
      .selectFrom('patients')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('Pay at clinic confirms at once with the payment Due at clinic; a free service skips payment', async () => {
    const slots = await freeSlots(runtime());
    const atClinic = await book(runtime(), {
      startsAt: slots[10]!.startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    expect(atClinic).toMatchObject({
      status: 'confirmed',
      paymentMethod: 'pay_at_clinic',
      checkout: null,
      holdExpiresAt: null,
    });
    const status = await createTestCaller(runtime()).booking.status({
      reference: atClinic.reference,
      token: atClinic.token,
    });
    expect(status.payment).toMatchObject({
      status: 'due_at_clinic',
      amount: 6000,
      currency: 'USD',
    });

    const followUp = DEMO_SERVICES.find((s) => s.priceAmount === 0)!;
    const [freeSlot] = await freeSlots(runtime(), followUp.id);
    const sessionsBefore = sessionCount();
    const free = await book(runtime(), {
      serviceId: followUp.id,
      startsAt: freeSlot!.startsAt,
      paymentMethod: 'stripe',
    });
    expect(free).toMatchObject({ status: 'confirmed', paymentMethod: 'free', checkout: null });
    expect(sessionCount()).toBe(sessionsBefore);
  });

  it('says card payment is unavailable when Stripe is off, and offers Pay at clinic', async () => {
    await stack.api.db
      .updateTable('gateway_settings')
      .set({ enabled: false })
      .where('gateway', '=', 'stripe')
      .execute();
    try {
      const methods = await createTestCaller(runtime()).catalogue.paymentMethods();
      expect(methods).toEqual({ stripe: null, payAtClinic: true, cardUnavailable: false });
      const slot = (await freeSlots(runtime()))[11]!;
      await expect(book(runtime(), { startsAt: slot.startsAt })).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Card payment is not available right now. Please choose Pay at clinic.',
      });
    } finally {
      await stack.api.db
        .updateTable('gateway_settings')
        .set({ enabled: true })
        .where('gateway', '=', 'stripe')
        .execute();
    }
  });

  it('releases the time at once when Stripe refuses to open the checkout', async () => {
    const settings = await stack.api.db
      .selectFrom('gateway_settings')
      .selectAll()
      .where('gateway', '=', 'stripe')
      .executeTakeFirstOrThrow();
    const box = runtime().secretBox;
    await stack.api.db
      .updateTable('gateway_settings')
      .set({
        test_secret_key_encrypted: box.encrypt(
          'sk_test_revokedKeyThatStripeRefuses0000',
          'gateway_settings.stripe.test.secret_key',
        ),
      })
      .where('gateway', '=', 'stripe')
      .execute();
    try {
      const slot = (await freeSlots(runtime()))[12]!;
      const doctorId = slot.doctorIds[0]!;
      await expect(book(runtime(), { startsAt: slot.startsAt, doctorId })).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(
          /Card payment is not available right now, so this time was not booked/,
        ),
      });
      expect(
        (await freeSlots(runtime())).find((s) => s.startsAt === slot.startsAt)?.doctorIds,
      ).toContain(doctorId);
    } finally {
      await stack.api.db
        .updateTable('gateway_settings')
        .set({ test_secret_key_encrypted: settings.test_secret_key_encrypted })
        .where('gateway', '=', 'stripe')
        .execute();
    }
  });

  it("refuses a card payment below Stripe's minimum charge for the currency", async () => {
    await stack.api.db
      .updateTable('services')
      .set({ price_amount: 30 })
      .where('id', '=', consultation.id)
      .execute();
    try {
      const slot = (await freeSlots(runtime()))[14]!;
      await expect(book(runtime(), { startsAt: slot.startsAt })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message:
          'This price is below the smallest card payment Stripe accepts. Please choose Pay at clinic.',
      });
    } finally {
      await stack.api.db
        .updateTable('services')
        .set({ price_amount: 6000 })
        .where('id', '=', consultation.id)
        .execute();
    }
  });

  it('charges a JPY price as the same integer (zero-decimal currency)', async () => {
    await priceConsultationIn('JPY', 5000);
    try {
      const slot = (await freeSlots(runtime()))[15]!;
      const booking = await book(runtime(), { startsAt: slot.startsAt });
      const session = checkoutSessionOf(stack, booking.reference);
      expect(session).toMatchObject({ amount_total: 5000, currency: 'jpy' });
    } finally {
      await priceConsultationIn('USD', 6000);
    }
  });
});

/** Seven minutes past a slot: inside the hours, but not a time the grid offers. */
function offGrid(startsAt: string): string {
  return new Date(Date.parse(startsAt) + 7 * 60_000).toISOString();
}
