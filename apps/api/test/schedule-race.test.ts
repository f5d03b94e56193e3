// A booking and a change to the doctor's schedule at the same moment: one of them must see the
// other. The admin's change locks the doctor's row and then looks for bookings in its way; the
// booking share-locks the same row and then checks the hours and time off as they are now.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../src/testing.js';
import { book, freeSlots } from './support/booking.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

it('a booking made while the clinic adds time off over it waits for the change, then is refused', async () => {
  const slot = (await freeSlots(api.runtime))[0]!;
  const doctorId = slot.doctorIds[0]!;

  // The admin's change (doctors.addTimeOff), held open after it locked the doctor and found no booking.
  let locked!: () => void;
  let release!: () => void;
  const doctorLocked = new Promise<void>((r) => (locked = r));
  const commit = new Promise<void>((r) => (release = r));
  const change = api.db.transaction().execute(async (trx) => {
    await trx.selectFrom('doctors').select('id').where('id', '=', doctorId).forUpdate().execute();
    locked();
    await commit;
    await trx
      .insertInto('doctor_time_off')
      .values({
        doctor_id: doctorId,
        starts_at: new Date(slot.startsAt),
        ends_at: new Date(slot.endsAt),
        reason: 'Conference',
      })
      .execute();
  });
  await doctorLocked;

  const booking = book(api.runtime, {
    startsAt: slot.startsAt,
    doctorId,
    paymentMethod: 'pay_at_clinic',
  }).then(
    () => 'booked',
    (error: Error) => error.message,
  );
  await new Promise((r) => setTimeout(r, 300));
  release();
  await change;

  expect(await booking).toBe(
    "The clinic has just changed this doctor's schedule, so this time is no longer offered; please pick one of the times shown.",
  );
  const held = await api.db
    .selectFrom('appointments')
    .select('id')
    .where('doctor_id', '=', doctorId)
    .where('starts_at', '=', new Date(slot.startsAt))
    .where('status', '<>', 'cancelled')
    .execute();
  expect(held).toEqual([]);
});
