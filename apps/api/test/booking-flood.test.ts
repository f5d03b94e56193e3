// Anyone can book without an account, so the calendar is protected against one sender filling it:
// a cap of open bookings per e-mail address and per phone number, the client's address kept with
// each booking (for a bulk cancel), and IPv6 clients counted by their /64.
import { findClinic, updateBookingGuards } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { createTestCaller } from '../src/testing.js';
import { consultation, freeSlots } from './support/booking.js';
import { sweep } from './support/sweep.js';
import { signIn, trpcQuery, useSignedInAdmin } from './support/admin-http.js';
import { useTestStack } from './support/test-stack.js';

const stack = useTestStack({ webhooks: false });
const admin = useSignedInAdmin(stack);
const runtime = () => stack.api.runtime;
let slotIndex = 0;

async function setCap(max: number) {
  const clinic = (await findClinic(stack.api.db))!;
  await updateBookingGuards(
    stack.api.db,
    clinic.id,
    { maxOpenBookingsPerContact: max, challengeAlways: false, challengeThreshold: 30 },
    new Date(),
  );
  return clinic;
}

async function bookAtClinic(patient: { name?: string; email: string; phone: string }, ip?: string) {
  const slot = (await freeSlots(runtime()))[slotIndex++]!;
  return createTestCaller(runtime(), ip).booking.create({
    serviceId: consultation.id,
    doctorId: 'any',
    startsAt: slot.startsAt,
    patient: { name: 'Flood Family', ...patient },
    paymentMethod: 'pay_at_clinic',
  });
}

describe('open bookings per contact', () => {
  it('refuses a 4th open booking for one e-mail, however it is typed, naming the clinic phone', async () => {
    const clinic = await setCap(3);
    const phones = ['+1 212 555 0101', '+1 212 555 0102', '+1 212 555 0103', '+1 212 555 0104'];
    const emails = [
      'mum@family.example',
      ' Mum@Family.example',
      'MUM@family.EXAMPLE ',
      'mum@family.example',
    ];
    for (let i = 0; i < 3; i++) await bookAtClinic({ email: emails[i]!, phone: phones[i]! });
    const refused = bookAtClinic({ email: emails[3]!, phone: phones[3]! });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    const message = await refused.catch((error: Error) => error.message);
    expect(message).toContain('This e-mail address already has 3 upcoming bookings');
    expect(message).toContain(`call the clinic on ${clinic.contact_phone}`);
    expect(clinic.contact_phone).not.toBe('');
    // Nothing of the refused booking was written.
    const rows = await stack.api.db
      .selectFrom('patients')
      .select('id')
      .where('phone', '=', phones[3]!)
      .execute();
    expect(rows).toEqual([]);
  });

  it('counts a phone number in any notation as one (E.164)', async () => {
    await setCap(3);
    const notations = [
      '+44 20 7946 0500',
      '+44 (20) 7946-0500',
      '0044 20 7946 0500',
      '+442079460500',
    ];
    for (let i = 0; i < 3; i++)
      await bookAtClinic({ email: `sibling${i}@family.example`, phone: notations[i]! });
    await expect(
      bookAtClinic({ email: 'sibling3@family.example', phone: notations[3]! }),
    ).rejects.toThrow(/This phone number already has 3 upcoming bookings/);
  });

  it('lets only the cap through of bookings for one e-mail sent at once', async () => {
    await setCap(3);
    const slots = (await freeSlots(runtime())).slice(slotIndex, slotIndex + 8);
    slotIndex += 8;
    const attempts = await Promise.allSettled(
      slots.map((slot, i) =>
        createTestCaller(runtime()).booking.create({
          serviceId: consultation.id,
          doctorId: 'any',
          startsAt: slot.startsAt,
          patient: { name: 'Racer', email: 'racer@flood.example', phone: `+1 212 555 02${10 + i}` },
          paymentMethod: 'pay_at_clinic',
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
  });

  it('keeps the client address and its network (an IPv6 /64) with the booking', async () => {
    await setCap(3);
    const booked = await bookAtClinic(
      { email: 'v6@flood.example', phone: '+1 212 555 0300' },
      '2001:db8:7:8:1234::9',
    );
    const row = await stack.api.db
      .selectFrom('appointments')
      .select(['client_address', 'client_network'])
      .where('reference', '=', booked.reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      client_address: '2001:db8:7:8:1234::9',
      client_network: '2001:db8:7:8::/64',
    });
  });

  it('forgets the client address of bookings older than 30 days, on the next sweep', async () => {
    const old = await bookAtClinic(
      { email: 'old@flood.example', phone: '+1 212 555 0400' },
      '203.0.113.40',
    );
    const recent = await bookAtClinic(
      { email: 'new@flood.example', phone: '+1 212 555 0401' },
      '203.0.113.41',
    );
    const now = runtime().clock.now();
    await stack.api.db
      .updateTable('appointments')
      .set({ created_at: new Date(now.getTime() - 31 * 86_400_000) })
      .where('reference', '=', old.reference)
      .execute();
    await sweep(runtime());
    const rows = await stack.api.db
      .selectFrom('appointments')
      .select(['reference', 'client_address', 'client_network'])
      .where('reference', 'in', [old.reference, recent.reference])
      .orderBy('client_address')
      .execute();
    expect(rows).toEqual([
      {
        reference: recent.reference,
        client_address: '203.0.113.41',
        client_network: '203.0.113.41',
      },
      { reference: old.reference, client_address: null, client_network: null },
    ]);
  });
});

describe('bulk cancel of a flood', () => {
  it('previews, then cancels the open bookings from one /64 in a window, with a reason; others stay', async () => {
    await setCap(100);
    const flood = [];
    for (let i = 0; i < 4; i++)
      flood.push(
        await bookAtClinic(
          { email: `bot${i}@flood.example`, phone: `+1 212 555 05${10 + i}` },
          `2001:db8:aa:bb:${i + 1}::1`,
        ),
      );
    const bystander = await bookAtClinic(
      { email: 'real@patient.example', phone: '+1 212 555 0600' },
      '2001:db8:aa:cc::1',
    );
    const now = runtime().clock.now();
    const query = {
      kind: 'network' as const,
      value: '2001:db8:aa:bb::/64',
      from: new Date(now.getTime() - 3600_000).toISOString(),
      to: new Date(now.getTime() + 60_000).toISOString(),
    };
    const preview = await admin().admin.bookingProtection.previewBulkCancel(query);
    expect(preview.count).toBe(4);
    expect(preview.bookings.map((b) => b.reference).sort()).toEqual(
      flood.map((b) => b.reference).sort(),
    );
    const result = await admin().admin.bookingProtection.bulkCancel({
      query,
      reason: 'Automated bookings from one network',
    });
    expect(result).toEqual({ cancelled: 4, failed: [], capped: false });
    const rows = await stack.api.db
      .selectFrom('appointments')
      .select(['reference', 'status'])
      .where('reference', 'in', [...flood.map((b) => b.reference), bystander.reference])
      .execute();
    expect(
      rows
        .filter((r) => r.status === 'cancelled')
        .map((r) => r.reference)
        .sort(),
    ).toEqual(flood.map((b) => b.reference).sort());
    expect(rows.find((r) => r.reference === bystander.reference)?.status).toBe('confirmed');
    const entry = await stack.api.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'appointments.bulk_cancelled')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({
      source: 'network',
      value: '2001:db8:aa:bb::/64',
      cancelled: 4,
    });
  });

  it('refuses a window over 31 days or a value that is not an address, in a sentence', async () => {
    const now = runtime().clock.now();
    const cookie = await signIn(stack.api.url);
    const answer = await trpcQuery(
      stack.api.url,
      'admin.bookingProtection.previewBulkCancel',
      {
        kind: 'address',
        value: 'not-an-address',
        from: new Date(now.getTime() - 40 * 86_400_000).toISOString(),
        to: now.toISOString(),
      },
      { cookie },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toBe(
      'Enter an IP address, e.g. 203.0.113.7. Choose a window of at most 31 days.',
    );
  });
});
