// The demo clinic has too few free times for thousands of bookings; the proof adds doctors who
// work every day, all day, offering the General consultation ($60, 30 minutes).
import { randomUUID } from 'node:crypto';
import { DEMO_CLINIC } from '@clinicpay/api/runtime';
import type { DatabaseHandle } from '@clinicpay/db';
import type { ApiClient } from './api-client.js';

export const GENERAL_CONSULTATION = '7c1d0000-0000-4000-8000-0000000000a1';

export interface Slot {
  doctorId: string;
  startsAt: string;
}

export async function addProofDoctors(database: DatabaseHandle, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('doctors')
      .values(
        ids.map((id, i) => ({
          id,
          clinic_id: DEMO_CLINIC.id,
          name: `Proof Doctor ${String(i + 1).padStart(2, '0')}`,
        })),
      )
      .execute();
    await trx
      .insertInto('doctor_weekly_hours')
      .values(
        ids.flatMap((doctor_id) =>
          [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
            doctor_id,
            weekday,
            start_minute: 6 * 60,
            end_minute: 22 * 60,
          })),
        ),
      )
      .execute();
    await trx
      .insertInto('doctor_services')
      .values(ids.map((doctor_id) => ({ doctor_id, service_id: GENERAL_CONSULTATION })))
      .execute();
  });
  return ids;
}

/** Up to `count` free slots of these doctors, read through the public availability procedure. */
export async function freeSlots(
  api: ApiClient,
  doctorIds: string[],
  count: number,
): Promise<Slot[]> {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  const today = new Date();
  for (const doctorId of doctorIds) {
    // Two windows of at most 42 days cover the 60 days patients may book ahead.
    for (const offset of [0, 41]) {
      const from = isoDate(today, offset);
      const to = isoDate(today, offset + 41);
      const availability = await api.catalogue.availability.query({
        serviceId: GENERAL_CONSULTATION,
        doctorId,
        from,
        to,
      });
      for (const day of availability.days) {
        for (const slot of day.slots) {
          const key = `${doctorId} ${slot.startsAt}`;
          if (slots.length < count && !seen.has(key)) {
            seen.add(key);
            slots.push({ doctorId, startsAt: slot.startsAt });
          }
        }
      }
      if (slots.length >= count) return slots;
    }
  }
  return slots;
}

function isoDate(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
