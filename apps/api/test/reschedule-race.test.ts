// Many patients moving their bookings onto the same few free times at once: the no-overlap
// constraint decides every race, so each time goes to exactly one of them and the others are told
// the time was taken, with their booking left where it was.
import { sql } from '@clinicpay/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCaller, startTestApi, type TestApi } from '../src/testing.js';
import { book, freeSlots } from './support/booking.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

it('50 concurrent reschedules onto 10 free times: exactly 10 succeed, 0 overlaps', async () => {
  const now = api.runtime.clock.now().getTime();
  // Past the default policy's 24-hour window, so every booking may be moved.
  const movable = (await freeSlots(api.runtime)).filter(
    (s) => Date.parse(s.startsAt) > now + 25 * 3_600_000,
  );
  const doctorId = movable[0]!.doctorIds[0]!;
  const slots = movable.filter((s) => s.doctorIds.includes(doctorId));
  expect(slots.length).toBeGreaterThanOrEqual(60);
  const targets = slots.slice(0, 10);
  const origins = slots.slice(10, 60);

  const bookings = await Promise.all(
    origins.map((slot, i) =>
      book(
        api.runtime,
        { startsAt: slot.startsAt, doctorId, paymentMethod: 'pay_at_clinic' },
        `10.19.${i}.1`,
      ),
    ),
  );
  const outcomes = await Promise.allSettled(
    bookings.map((b, i) =>
      createTestCaller(api.runtime, `10.19.${i}.1`).booking.reschedule({
        reference: b.reference,
        token: b.token,
        doctorId,
        startsAt: targets[i % targets.length]!.startsAt,
      }),
    ),
  );

  const moved = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
  expect(moved).toHaveLength(10);
  expect(refused).toHaveLength(40);
  for (const error of refused)
    expect(error.message).toBe(
      'This time was just taken, so your booking was not moved; please pick another.',
    );

  // Each target time holds one booking; every loser is still at its own time, unmoved.
  const rows = await api.db
    .selectFrom('appointments')
    .select(['reference', 'starts_at', 'reschedule_count'])
    .where(
      'reference',
      'in',
      bookings.map((b) => b.reference),
    )
    .where('status', '=', 'confirmed')
    .execute();
  expect(rows).toHaveLength(50);
  const targetTimes = new Set(targets.map((t) => Date.parse(t.startsAt)));
  const atTargets = rows.filter((r) => targetTimes.has(r.starts_at.getTime()));
  expect(atTargets).toHaveLength(10);
  expect(new Set(atTargets.map((r) => r.starts_at.getTime())).size).toBe(10);
  expect(atTargets.every((r) => r.reschedule_count === 1)).toBe(true);
  const stayed = rows.filter((r) => !targetTimes.has(r.starts_at.getTime()));
  expect(stayed.every((r) => r.reschedule_count === 0)).toBe(true);
  const originOf = new Map(bookings.map((b, i) => [b.reference, origins[i]!.startsAt]));
  for (const r of stayed) expect(r.starts_at.toISOString()).toBe(originOf.get(r.reference));

  const { rows: overlaps } = await sql<{ n: number }>`
    select count(*)::int as n from appointments a join appointments b
      on a.doctor_id = b.doctor_id and a.id < b.id
     and a.status <> 'cancelled' and b.status <> 'cancelled'
     and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`.execute(api.db);
  expect(overlaps[0]!.n).toBe(0);

  // The winners' timelines record the move, and each has its rescheduled message waiting.
  const events = await api.db
    .selectFrom('appointment_events')
    .select('reason')
    .where('reason', '=', 'rescheduled_by_patient')
    .execute();
  expect(events).toHaveLength(10);
  const mail = await api.db
    .selectFrom('mail_outbox')
    .select('fact_key')
    .where('kind', '=', 'booking_rescheduled')
    .execute();
  expect(mail).toHaveLength(10);
});
