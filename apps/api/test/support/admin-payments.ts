// Many payments at once for the transactions tests, written in three statements (patients,
// appointments, payments). Row i is predictable: the tests derive what each filter must return.
import { PAYMENT_STATUSES, type PaymentStatusName } from '@clinicpay/contracts';
import { sql, type Database, type Kysely } from '@clinicpay/db';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../../src/seed/demo-clinic.data.js';

/** Rows come in threes sharing a created_at, so keyset paging must break ties by id. */
export const BASE = new Date('2026-01-01T00:00:00Z');

export interface PaymentSpec {
  i: number;
  status: PaymentStatusName;
  gateway: 'stripe' | 'pay_at_clinic';
  mode: 'test' | 'live' | null;
  amount: number;
  createdAt: Date;
}

export function specOf(i: number): PaymentSpec {
  const status = PAYMENT_STATUSES[i % PAYMENT_STATUSES.length]!;
  const gateway =
    status === 'due_at_clinic' || status === 'paid_at_clinic' ? 'pay_at_clinic' : 'stripe';
  return {
    i,
    status,
    gateway,
    mode: gateway === 'pay_at_clinic' ? null : i % 5 === 0 ? 'live' : 'test',
    amount: 1000 + (i % 97) * 100,
    createdAt: new Date(BASE.getTime() + Math.floor(i / 3) * 60_000),
  };
}

let written = 0;

/** Inserts `count` payments (spec i = 0…count-1); appointments get distinct half hours, years ahead. */
export async function insertPayments(db: Kysely<Database>, count: number): Promise<void> {
  const offset = written;
  written += count;
  const specs = Array.from({ length: count }, (_, i) => specOf(i));
  await sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(specs.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })))}::jsonb)
        AS x(i int, status text, gateway text, mode text, amount bigint, "createdAt" timestamptz)
    ), pt AS (
      INSERT INTO patients (name, email, phone)
      SELECT 'Patient ' || i, 'p' || i || '@example.com', '+1 555 0100' FROM input ORDER BY i
      RETURNING id, substring(name from 9)::int AS i
    ), ap AS (
      INSERT INTO appointments (reference, doctor_id, service_id, patient_id, starts_at, ends_at, status, hold_expires_at, payment_method, access_token_hash, created_at)
      SELECT 'TX-' || lpad((input.i + ${offset}::int)::text, 7, '0'), ${DEMO_DOCTORS[0].id}::uuid, ${DEMO_SERVICES[0].id}::uuid, pt.id,
             timestamptz '2031-01-01' + (input.i + ${offset}::int) * interval '30 minutes',
             timestamptz '2031-01-01' + (input.i + ${offset}::int + 1) * interval '30 minutes',
             CASE input.status WHEN 'pending' THEN 'pending_payment' WHEN 'failed' THEN 'cancelled' WHEN 'expired' THEN 'cancelled' ELSE 'confirmed' END,
             CASE input.status WHEN 'pending' THEN timestamptz '2031-01-01' END,
             input.gateway, 'h', input."createdAt"
      FROM input JOIN pt ON pt.i = input.i
      RETURNING id, reference
    )
    INSERT INTO payments (appointment_id, gateway, mode, amount, currency, status, checkout_session_id, payment_intent_id, amount_refunded, completed_at, created_at)
    SELECT ap.id, input.gateway, input.mode, input.amount, 'USD', input.status,
           CASE WHEN input.gateway = 'stripe' THEN 'cs_fx_' || (input.i + ${offset}::int) END,
           CASE WHEN input.gateway = 'stripe' AND input.status NOT IN ('pending', 'expired') THEN 'pi_fx_' || (input.i + ${offset}::int) END,
           CASE input.status WHEN 'refunded' THEN input.amount WHEN 'partially_refunded' THEN input.amount / 2 ELSE 0 END,
           CASE WHEN input.status IN ('completed', 'paid_at_clinic', 'refunded', 'partially_refunded') THEN input."createdAt" + interval '1 minute' END,
           input."createdAt"
    FROM input JOIN ap ON ap.reference = 'TX-' || lpad((input.i + ${offset}::int)::text, 7, '0')`.execute(
    db,
  );
}
