// The rules the database itself enforces on money and statuses, seen through the typed errors.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckViolationError, UniqueViolationError } from './errors.js';
import { insertAppointment } from './queries/appointments.js';
import type { Database, NewPayment } from './schema.js';
import {
  appointmentValues,
  createTestDatabase,
  insertCatalogueFixture,
  insertPatientFixture,
  type TestDatabase,
} from './testing/index.js';
import { withDbErrors } from './translate-error.js';

let t: TestDatabase;
let appointmentId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const f = await insertCatalogueFixture(t.db);
  const patientId = await insertPatientFixture(t.db);
  const appointment = await insertAppointment(
    t.db,
    appointmentValues({
      doctorId: f.doctorIds[0],
      serviceId: f.serviceId,
      patientId,
      startsAt: new Date('2031-05-01T08:00:00Z'),
    }),
  );
  appointmentId = appointment.id;
});
afterAll(() => t.drop());

const payment = (overrides: Partial<NewPayment> = {}): NewPayment => ({
  appointment_id: appointmentId,
  gateway: 'stripe',
  mode: 'test',
  amount: 5000,
  currency: 'EUR',
  status: 'pending',
  ...overrides,
});

const insertPayment = (db: Kysely<Database>, values: NewPayment) =>
  withDbErrors(() =>
    db.insertInto('payments').values(values).returning(['id', 'amount']).executeTakeFirstOrThrow(),
  );

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the write to be rejected');
}

describe('payments constraints on PostgreSQL', () => {
  it('keeps checkout_session_id unique and names the constraint', async () => {
    await insertPayment(t.db, payment({ checkout_session_id: 'cs_test_1' }));
    const e = await rejection(insertPayment(t.db, payment({ checkout_session_id: 'cs_test_1' })));
    expect(e).toBeInstanceOf(UniqueViolationError);
    expect(e).toMatchObject({
      code: 'unique_violation',
      constraint: 'payments_checkout_session_id_key',
    });
  });

  it('keeps payment_intent_id unique', async () => {
    await insertPayment(t.db, payment({ payment_intent_id: 'pi_1' }));
    const e = await rejection(insertPayment(t.db, payment({ payment_intent_id: 'pi_1' })));
    expect(e).toMatchObject({
      code: 'unique_violation',
      constraint: 'payments_payment_intent_id_key',
    });
  });

  it('allows many payments without Stripe ids yet (NULLs do not collide)', async () => {
    await insertPayment(t.db, payment());
    await insertPayment(t.db, payment());
  });

  it('refuses to refund more than was paid', async () => {
    const p = await insertPayment(t.db, payment({ status: 'completed' }));
    const refund = (amount: number) =>
      withDbErrors(() =>
        t.db
          .updateTable('payments')
          .set({ amount_refunded: amount })
          .where('id', '=', p.id)
          .execute(),
      );
    await refund(5000);
    const e = await rejection(refund(5001));
    expect(e).toMatchObject({
      code: 'check_violation',
      constraint: 'payments_amount_refunded_range',
    });
    const stored = await t.db
      .selectFrom('payments')
      .select('amount_refunded')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(stored.amount_refunded).toBe(5000);
  });

  it('rejects a status outside the CHECK list', async () => {
    const e = await rejection(
      insertPayment(t.db, payment({ status: 'paid' as NewPayment['status'] })),
    );
    expect(e).toBeInstanceOf(CheckViolationError);
    expect(e).toMatchObject({ constraint: 'payments_status_check' });
    const e2 = await rejection(
      withDbErrors(() =>
        t.db
          .updateTable('appointments')
          .set({ status: 'booked' as 'confirmed' })
          .where('id', '=', appointmentId)
          .execute(),
      ),
    );
    expect(e2).toMatchObject({ code: 'check_violation', constraint: 'appointments_status_check' });
  });

  it('requires a mode for stripe payments and an uppercase currency', async () => {
    expect(await rejection(insertPayment(t.db, payment({ mode: null })))).toMatchObject({
      constraint: 'payments_stripe_has_mode',
    });
    expect(await rejection(insertPayment(t.db, payment({ currency: 'eur' })))).toMatchObject({
      constraint: 'payments_currency_check',
    });
    const atClinic = await insertPayment(
      t.db,
      payment({ gateway: 'pay_at_clinic', mode: null, status: 'due_at_clinic' }),
    );
    expect(atClinic.amount).toBe(5000);
  });

  it('keeps refund idempotency keys unique per payment and amounts positive', async () => {
    const p = await insertPayment(t.db, payment({ status: 'completed' }));
    const other = await insertPayment(t.db, payment({ status: 'completed' }));
    const refund = (key: string, amount: number, paymentId = p.id) =>
      withDbErrors(() =>
        t.db
          .insertInto('refunds')
          .values({
            payment_id: paymentId,
            amount,
            currency: 'EUR',
            status: 'pending',
            idempotency_key: key,
            requested_by: 'system',
          })
          .execute(),
      );
    await refund('rf_key_1', 100);
    expect(await rejection(refund('rf_key_1', 100))).toMatchObject({
      constraint: 'refunds_payment_idempotency_key_key',
    });
    // A key is bound to its payment: the same key for another payment is another refund.
    await refund('rf_key_1', 100, other.id);
    expect(await rejection(refund('rf_key_2', 0))).toMatchObject({
      constraint: 'refunds_amount_check',
    });
  });

  it('treats admin emails as unique case-insensitively', async () => {
    const admin = (email: string) =>
      withDbErrors(() =>
        t.db.insertInto('admin_users').values({ email, password_hash: 'x', name: 'A' }).execute(),
      );
    await admin('Admin@Clinic.test');
    expect(await rejection(admin('admin@clinic.TEST'))).toMatchObject({
      constraint: 'admin_users_email_key',
    });
  });
});
