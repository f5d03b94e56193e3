import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../connection.js';
import { SlotTakenError } from '../errors.js';
import {
  appointmentValues,
  createTestDatabase,
  createTestPglite,
  insertCatalogueFixture,
  insertPatientFixture,
  type CatalogueFixture,
  type TestDatabase,
} from '../testing/index.js';
import { withDbErrors } from '../translate-error.js';
import { insertAppointment } from './appointments.js';

const at = (iso: string) => new Date(iso);

describe('insertAppointment on PostgreSQL', () => {
  let t: TestDatabase;
  let f: CatalogueFixture;
  let patientId: string;
  const slot = (doctorId: string, startsAt: Date, minutes = 30) => ({
    doctorId,
    serviceId: f.serviceId,
    patientId,
    startsAt,
    minutes,
  });

  beforeAll(async () => {
    t = await createTestDatabase();
    f = await insertCatalogueFixture(t.db);
    patientId = await insertPatientFixture(t.db);
  });
  afterAll(() => t.drop());

  it('lets exactly one of 50 concurrent overlapping bookings win; the rest get SlotTakenError', async () => {
    const [doctor] = f.doctorIds;
    // A pool of its own, so the 50 transactions really run side by side on 10 connections.
    const racers = await createDatabase({ url: t.url, maxConnections: 10 });
    try {
      const attempts = Array.from({ length: 50 }, (_, i) =>
        racers.db.transaction().execute(async (trx) => {
          // Starts spread over 10:00–10:49, each 60 minutes long: every pair overlaps.
          const startsAt = new Date(at('2031-03-03T10:00:00Z').getTime() + i * 60_000);
          return insertAppointment(trx, appointmentValues(slot(doctor, startsAt, 60)));
        }),
      );
      const results = await Promise.allSettled(attempts);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const r of lost) expect(r.reason).toBeInstanceOf(SlotTakenError);
      expect((lost[0]?.reason as SlotTakenError).code).toBe('slot_taken');
    } finally {
      await racers.close();
    }
    const stored = await t.db
      .selectFrom('appointments')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('doctor_id', '=', doctor)
      .where('starts_at', '>=', at('2031-03-03T00:00:00Z'))
      .where('starts_at', '<', at('2031-03-04T00:00:00Z'))
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(1);
  });

  it('frees the time of a cancelled appointment', async () => {
    const [doctor] = f.doctorIds;
    const first = await insertAppointment(
      t.db,
      appointmentValues(slot(doctor, at('2031-03-04T09:00:00Z'))),
    );
    await expect(
      insertAppointment(t.db, appointmentValues(slot(doctor, at('2031-03-04T09:15:00Z')))),
    ).rejects.toBeInstanceOf(SlotTakenError);
    await t.db
      .updateTable('appointments')
      .set({ status: 'cancelled', cancel_reason: 'test' })
      .where('id', '=', first.id)
      .execute();
    const second = await insertAppointment(
      t.db,
      appointmentValues(slot(doctor, at('2031-03-04T09:15:00Z'))),
    );
    expect(second.status).toBe('pending_payment');
    expect(second.starts_at).toEqual(at('2031-03-04T09:15:00Z'));
  });

  it('refuses to revive a cancelled appointment onto a taken time (updates are checked too)', async () => {
    const [doctor] = f.doctorIds;
    const old = await insertAppointment(
      t.db,
      appointmentValues(slot(doctor, at('2031-03-05T09:00:00Z')), { status: 'cancelled' }),
    );
    await insertAppointment(t.db, appointmentValues(slot(doctor, at('2031-03-05T09:00:00Z'))));
    const revive = () =>
      t.db
        .updateTable('appointments')
        .set({ status: 'confirmed' })
        .where('id', '=', old.id)
        .execute();
    await expect(withDbErrors(revive)).rejects.toBeInstanceOf(SlotTakenError);
  });

  it('lets back-to-back appointments touch (end == start) and other doctors book the same time', async () => {
    const [a, b] = f.doctorIds;
    await insertAppointment(t.db, appointmentValues(slot(a, at('2031-03-06T09:00:00Z'))));
    const next = await insertAppointment(
      t.db,
      appointmentValues(slot(a, at('2031-03-06T09:30:00Z'))),
    );
    const other = await insertAppointment(
      t.db,
      appointmentValues(slot(b, at('2031-03-06T09:00:00Z'))),
    );
    expect(next.doctor_id).toBe(a);
    expect(other.doctor_id).toBe(b);
  });
});

describe('insertAppointment on PGlite', () => {
  it('throws SlotTakenError for an overlap there too', async () => {
    const lite = await createTestPglite();
    try {
      const f = await insertCatalogueFixture(lite.db);
      const patientId = await insertPatientFixture(lite.db);
      const base = { doctorId: f.doctorIds[0], serviceId: f.serviceId, patientId };
      await insertAppointment(
        lite.db,
        appointmentValues({ ...base, startsAt: at('2031-03-03T10:00:00Z') }),
      );
      await expect(
        insertAppointment(
          lite.db,
          appointmentValues({ ...base, startsAt: at('2031-03-03T10:29:00Z') }),
        ),
      ).rejects.toBeInstanceOf(SlotTakenError);
      const adjacent = await insertAppointment(
        lite.db,
        appointmentValues({ ...base, startsAt: at('2031-03-03T10:30:00Z') }),
      );
      expect(adjacent.starts_at).toEqual(at('2031-03-03T10:30:00Z'));
    } finally {
      await lite.close();
    }
  });
});
