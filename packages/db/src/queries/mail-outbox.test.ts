import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import {
  appointmentValues,
  createTestDatabase,
  createTestPglite,
  insertCatalogueFixture,
  insertPatientFixture,
  type CatalogueFixture,
} from '../testing/index.js';
import { insertAppointment } from './appointments.js';
import { findMailAppointment, findMailAppointments } from './mail-facts.js';
import { claimDueMail, queueMail, recordMailSent } from './mail-outbox.js';
import { insertPayment } from './payments.js';

const now = new Date('2031-03-03T09:00:00Z');

// The sender runs on both (npm start uses PGlite): jsonb_to_recordset and DISTINCT ON included.
const drivers = [
  {
    name: 'PostgreSQL',
    open: async () => {
      const t = await createTestDatabase();
      return { db: t.db, stop: () => t.drop() };
    },
  },
  {
    name: 'PGlite',
    open: async () => {
      const t = await createTestPglite();
      return { db: t.db, stop: () => t.close() };
    },
  },
];

describe.each(drivers)('the mail sender’s batch queries on $name', ({ open }) => {
  let t: { db: Kysely<Database>; stop(): Promise<void> };
  let f: CatalogueFixture;
  let patientId: string;

  beforeAll(async () => {
    t = await open();
    f = await insertCatalogueFixture(t.db);
    patientId = await insertPatientFixture(t.db);
  });
  afterAll(() => t.stop());

  it('recordMailSent records the rows still being sent, in one statement, and leaves the others', async () => {
    await queueMail(
      t.db,
      ['a', 'b', 'c'].map((key) => ({
        factKey: `test-sent:${key}`,
        kind: 'test_message',
        audience: 'clinic' as const,
        recipient: 'old@example.test',
        dueAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
        createdAt: now,
      })),
    );
    const claimed = await claimDueMail(t.db, {
      now,
      limit: 10,
      leaseMs: 60_000,
      messageIdDomain: 'example.test',
    });
    const [a, b, c] = ['a', 'b', 'c'].map((key) =>
      claimed.find((row) => row.fact_key === `test-sent:${key}`),
    );
    // c was taken over and finished by another sender meanwhile.
    await t.db
      .updateTable('mail_outbox')
      .set({ status: 'failed', last_error: 'by the other sender' })
      .where('id', '=', c!.id)
      .execute();

    const at = new Date(now.getTime() + 1000);
    const recorded = await recordMailSent(
      t.db,
      [a!, b!, c!].map((row) => ({
        id: row.id,
        recipient: `new-${row.fact_key}@example.test`,
        smtpResponse: `250 queued ${row.fact_key}`,
      })),
      at,
    );

    expect(recorded.sort()).toEqual([a!.id, b!.id].sort());
    const rows = await t.db
      .selectFrom('mail_outbox')
      .select(['fact_key', 'status', 'recipient', 'smtp_response', 'sent_at', 'claimed_until'])
      .where('fact_key', 'like', 'test-sent:%')
      .orderBy('fact_key')
      .execute();
    expect(rows).toEqual([
      {
        fact_key: 'test-sent:a',
        status: 'sent',
        recipient: 'new-test-sent:a@example.test',
        smtp_response: '250 queued test-sent:a',
        sent_at: at,
        claimed_until: null,
      },
      {
        fact_key: 'test-sent:b',
        status: 'sent',
        recipient: 'new-test-sent:b@example.test',
        smtp_response: '250 queued test-sent:b',
        sent_at: at,
        claimed_until: null,
      },
      expect.objectContaining({ fact_key: 'test-sent:c', status: 'failed', sent_at: null }),
    ]);
    expect(await recordMailSent(t.db, [], at)).toEqual([]);
  });

  it('findMailAppointments reads a batch as findMailAppointment reads each one, newest payment first', async () => {
    const [doctor] = f.doctorIds;
    const ids: string[] = [];
    for (const hour of [10, 11]) {
      const startsAt = new Date(`2031-03-04T${hour}:00:00Z`);
      const appointment = await insertAppointment(
        t.db,
        appointmentValues({ doctorId: doctor, serviceId: f.serviceId, patientId, startsAt }),
      );
      ids.push(appointment.id);
    }
    await t.db.transaction().execute(async (trx) => {
      const payment = { gateway: 'stripe' as const, mode: 'test' as const, currency: 'EUR' };
      await insertPayment(trx, {
        ...payment,
        appointmentId: ids[0]!,
        amount: 5000,
        status: 'expired',
        at: now,
      });
      await insertPayment(trx, {
        ...payment,
        appointmentId: ids[0]!,
        amount: 5000,
        status: 'completed',
        at: new Date(now.getTime() + 60_000),
      });
    });

    const batch = await findMailAppointments(t.db, [ids[1]!, ids[0]!, ids[1]!]);
    const oneByOne = await Promise.all(ids.map((id) => findMailAppointment(t.db, id)));
    expect([...batch].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [...oneByOne].sort((x, y) => x!.id.localeCompare(y!.id)),
    );
    expect(batch.find((row) => row.id === ids[0])?.payment_status).toBe('completed');
    expect(await findMailAppointments(t.db, [])).toEqual([]);
  });
});
