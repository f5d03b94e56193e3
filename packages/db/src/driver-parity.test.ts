// What services rely on behaving the same on pg and PGlite: compare-and-set row counts, Dates, jsonb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAppointment } from './queries/appointments.js';
import { transitionAppointment } from './queries/transitions.js';
import {
  appointmentValues,
  createTestDatabase,
  createTestPglite,
  insertCatalogueFixture,
  insertPatientFixture,
  type TestDatabase,
  type TestPglite,
} from './testing/index.js';

for (const engine of ['PostgreSQL', 'PGlite'] as const) {
  describe(`driver parity on ${engine}`, () => {
    let t: TestDatabase | TestPglite;
    let f: Awaited<ReturnType<typeof insertCatalogueFixture>>;
    beforeAll(async () => {
      t = engine === 'PostgreSQL' ? await createTestDatabase() : await createTestPglite();
      // One clinic per installation: the tests share it.
      f = await insertCatalogueFixture(t.db);
    });
    afterAll(() => ('drop' in t ? t.drop() : t.close()));

    it('reports 1 then 0 updated rows for a repeated compare-and-set', async () => {
      const patientId = await insertPatientFixture(t.db);
      const startsAt = new Date('2031-07-01T07:00:00Z');
      const a = await insertAppointment(
        t.db,
        appointmentValues({
          doctorId: f.doctorIds[0],
          serviceId: f.serviceId,
          patientId,
          startsAt,
        }),
      );
      expect(a.starts_at).toBeInstanceOf(Date);
      expect(a.starts_at.toISOString()).toBe('2031-07-01T07:00:00.000Z');
      const confirm = () =>
        t.db
          .updateTable('appointments')
          .set({ status: 'confirmed', hold_expires_at: null })
          .where('id', '=', a.id)
          .where('status', '=', 'pending_payment')
          .executeTakeFirstOrThrow();
      expect((await confirm()).numUpdatedRows).toBe(1n);
      expect((await confirm()).numUpdatedRows).toBe(0n);
    });

    it('moves a status from any of a list bound as one array parameter, once', async () => {
      const patientId = await insertPatientFixture(t.db);
      const a = await insertAppointment(
        t.db,
        appointmentValues({
          doctorId: f.doctorIds[0],
          serviceId: f.serviceId,
          patientId,
          startsAt: new Date('2031-07-02T07:00:00Z'),
        }),
      );
      const cause = { source: 'system' as const, at: new Date() };
      const cancel = () =>
        t.db
          .transaction()
          .execute((trx) =>
            transitionAppointment(trx, a.id, ['confirmed', 'pending_payment'], 'cancelled', cause),
          );
      expect(await cancel()).toBe(true);
      expect(await cancel()).toBe(false);
    });

    it('round-trips jsonb objects holding arrays', async () => {
      const details = { changed: ['mode', 'currency'], nested: { n: 1, ok: true, none: null } };
      const row = await t.db
        .insertInto('audit_log')
        .values({
          actor: 'admin@clinic.test',
          action: 'stripe_settings.save',
          details: JSON.stringify(details),
        })
        .returning(['details', 'at'])
        .executeTakeFirstOrThrow();
      expect(row.details).toEqual(details);
      expect(row.at).toBeInstanceOf(Date);
    });
  });
}
