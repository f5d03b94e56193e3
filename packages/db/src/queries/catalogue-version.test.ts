// The catalogue's version moves with every change a public catalogue read shows, in the change's
// own transaction, on both engines; changes patients never see leave it alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  createTestPglite,
  insertCatalogueFixture,
  type CatalogueFixture,
  type TestDatabase,
  type TestPglite,
} from '../testing/index.js';
import { readCatalogueVersion } from './catalogue-version.js';

for (const engine of ['PostgreSQL', 'PGlite'] as const) {
  describe(`the catalogue version on ${engine}`, () => {
    let t: TestDatabase | TestPglite;
    let f: CatalogueFixture;
    beforeAll(async () => {
      t = engine === 'PostgreSQL' ? await createTestDatabase() : await createTestPglite();
      f = await insertCatalogueFixture(t.db);
    });
    afterAll(() => ('drop' in t ? t.drop() : t.close()));

    /** Whether `change` moved the version. */
    async function bumps(change: () => Promise<unknown>): Promise<boolean> {
      const before = await readCatalogueVersion(t.db);
      await change();
      return (await readCatalogueVersion(t.db)) !== before;
    }

    it('moves with the clinic, its services, doctors, who offers what and working hours', async () => {
      const db = () => t.db;
      expect(
        await bumps(() =>
          db()
            .updateTable('clinics')
            .set({ name: 'Renamed' })
            .where('id', '=', f.clinicId)
            .execute(),
        ),
      ).toBe(true);
      expect(
        await bumps(() =>
          db()
            .updateTable('services')
            .set({ name: 'Check-up' })
            .where('id', '=', f.serviceId)
            .execute(),
        ),
      ).toBe(true);
      expect(
        await bumps(() =>
          db()
            .updateTable('doctors')
            .set({ active: false })
            .where('id', '=', f.doctorIds[0])
            .execute(),
        ),
      ).toBe(true);
      expect(
        await bumps(() =>
          db().deleteFrom('doctor_services').where('doctor_id', '=', f.doctorIds[1]).execute(),
        ),
      ).toBe(true);
      expect(
        await bumps(() =>
          db()
            .insertInto('doctor_weekly_hours')
            .values({ doctor_id: f.doctorIds[1], weekday: 1, start_minute: 540, end_minute: 600 })
            .execute(),
        ),
      ).toBe(true);
    });

    it('moves when a way to pay is switched, not for what patients never see', async () => {
      const db = () => t.db;
      expect(
        await bumps(() =>
          db()
            .insertInto('gateway_settings')
            .values({ clinic_id: f.clinicId, gateway: 'pay_at_clinic', enabled: false })
            .execute(),
        ),
      ).toBe(true);
      const payAtClinic = () =>
        db().updateTable('gateway_settings').where('clinic_id', '=', f.clinicId);
      expect(await bumps(() => payAtClinic().set({ enabled: true }).execute())).toBe(true);
      expect(await bumps(() => payAtClinic().set({ enabled: true }).execute())).toBe(false);
      expect(await bumps(() => payAtClinic().set({ updated_by: 'cli' }).execute())).toBe(false);
      // Nor does a statement that changes no row.
      expect(
        await bumps(() =>
          db().updateTable('services').set({ name: 'x' }).where('name', '=', 'no such').execute(),
        ),
      ).toBe(false);
    });

    it('moves only when the change commits', async () => {
      const before = await readCatalogueVersion(t.db);
      await expect(
        t.db.transaction().execute(async (trx) => {
          await trx.updateTable('clinics').set({ name: 'Rolled back' }).execute();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await readCatalogueVersion(t.db)).toBe(before);
    });
  });
}
