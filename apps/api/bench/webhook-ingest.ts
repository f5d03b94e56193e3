// Webhook ingest: signed payment_intent.succeeded events POSTed to the real route (verify, store,
// apply, mark processed), beside the same SQL writes sent straight through pg in the same run,
// twice: unnamed (parsed and planned on every call), and as named statements prepared once per
// connection, as the route sends them (PG_PREPARE_STATEMENTS=on). Round after round; returns the
// figures, webhook-ingest.bench.ts prints them.
import { createDatabase, sql, type Database, type Kysely } from '@clinicpay/db';
import { createTestDatabase } from '@clinicpay/db/testing';
import {
  signWebhookPayload,
  stripeEvent,
  stripeSucceededPaymentIntent,
} from '@clinicpay/stripe-emulator/builders';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { seedDemoClinic } from '../src/seed/demo-clinic.seed.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { startApiProcess } from './api-process.js';
import { runPool, type PoolRun, keepAliveClient } from '@clinicpay/testing';

export interface WebhookIngestOptions {
  events: number;
  rounds: number;
  inFlight: number;
}

export interface WebhookIngestRound {
  http: PoolRun;
  /** The same SQL through pg, every statement unnamed. */
  floor: PoolRun;
  /** The same SQL through pg, fixed texts as named statements, as the route sends them. */
  preparedFloor: PoolRun;
  /** Payments of the round found completed afterwards: the events were applied, not only answered. */
  completed: { http: number; floor: number; preparedFloor: number };
}

export async function measureWebhookIngest(
  options: WebhookIngestOptions,
): Promise<WebhookIngestRound[]> {
  const { events, rounds, inFlight } = options;
  const api = await startApiProcess();
  // The same pool size on every side: the API's default (DATABASE_POOL_SIZE, 10).
  const raw = await createTestDatabase({
    maxConnections: api.databasePoolSize,
    prepareStatements: false,
  });
  // A second pool on the same database, sending what it can as named statements.
  const prepared = await createDatabase({
    url: raw.url,
    maxConnections: api.databasePoolSize,
    prepareStatements: true,
  });
  const results: WebhookIngestRound[] = [];
  const client = keepAliveClient(inFlight);
  try {
    await seedDemoClinic({
      db: raw.db,
      secretBox: createSecretBox('bench-app-secret-of-at-least-32-chars'),
    });
    for (let round = 0; round < rounds; round++) {
      const forHttp = await pendingPayments(api.db, events, round * events * 2 + 1);
      // Signed before the clock starts, as Stripe signs on its own machine.
      const requests = forHttp.map((p, i) => {
        const body = succeededEvent(p.id, i + round * events);
        const signature = signWebhookPayload(body, api.credentials.stripe.webhookSigningSecret);
        return {
          body,
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        };
      });
      const http = await runPool(events, inFlight, async (i) => {
        const { body, headers } = requests[i]!;
        const response = await client.post(`${api.url}/webhooks/stripe`, headers, body);
        if (response.status !== 200)
          throw new Error(`webhook answered ${response.status}: ${response.body}`);
      });

      // The floors: the same writes, in the same transactions, straight through pg, unnamed and
      // then named (on the second half of the round's slots: one database holds both).
      const forPg = await pendingPayments(raw.db, events, round * events * 2 + 1);
      const floor = await floorRun(raw.db, forPg, round, events, inFlight);
      const forPrepared = await pendingPayments(raw.db, events, round * events * 2 + events + 1);
      const preparedFloor = await floorRun(prepared.db, forPrepared, round, events, inFlight);
      const completed = {
        http: await completedCount(
          api.db,
          forHttp.map((p) => p.id),
        ),
        floor: await completedCount(
          raw.db,
          forPg.map((p) => p.id),
        ),
        preparedFloor: await completedCount(
          raw.db,
          forPrepared.map((p) => p.id),
        ),
      };
      results.push({ http, floor, preparedFloor, completed });
    }
  } finally {
    client.close();
    await api.stop();
    await prepared.close();
    await raw.drop();
  }
  return results;
}

function floorRun(
  db: Kysely<Database>,
  payments: { id: string }[],
  round: number,
  events: number,
  inFlight: number,
) {
  return runPool(events, inFlight, async (i) => {
    const paymentId = payments[i]!.id;
    const body = succeededEvent(paymentId, i + round * events);
    await sameWrites(db, paymentId, JSON.parse(body) as { id: string });
  });
}

async function pendingPayments(db: Kysely<Database>, count: number, offset: number) {
  // Pending holds, each on its own half hour, written in one statement.
  const service = DEMO_SERVICES[0];
  await sql`
    WITH p AS (
      INSERT INTO patients (name, email, phone)
      SELECT 'Bench ' || g, 'b' || g || '@example.com', '+1 555 0100' FROM generate_series(${offset}::int, ${offset + count - 1}::int) g
      RETURNING id, email
    ), a AS (
      INSERT INTO appointments (reference, doctor_id, service_id, patient_id, starts_at, ends_at, status, hold_expires_at, payment_method, access_token_hash)
      SELECT 'BENCH-' || p.g, ${DEMO_DOCTORS[0].id}::uuid, ${service.id}::uuid, p.id,
             timestamptz '2030-01-01' + p.g * interval '30 minutes', timestamptz '2030-01-01' + (p.g + 1) * interval '30 minutes',
             'pending_payment', now() + interval '1 day', 'stripe', 'h' || p.g
      FROM (SELECT id, substring(email from 2 for position('@' in email) - 2)::int AS g FROM p) p RETURNING id, reference
    )
    INSERT INTO payments (appointment_id, gateway, mode, amount, currency, status, checkout_session_id)
    SELECT a.id, 'stripe', 'test', 6000, 'USD', 'pending', 'cs_bench_' || a.reference FROM a`.execute(
    db,
  );
  return db
    .selectFrom('payments')
    .select(['id'])
    .where('checkout_session_id', 'like', 'cs_bench_BENCH-%')
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(count)
    .execute();
}

async function completedCount(db: Kysely<Database>, paymentIds: string[]): Promise<number> {
  if (paymentIds.length === 0) return 0;
  const row = await db
    .selectFrom('payments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('id', 'in', paymentIds)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  return row.n;
}

function succeededEvent(paymentId: string, i: number) {
  const intent = stripeSucceededPaymentIntent({
    id: `pi_bench_${paymentId}`,
    amount: 6000,
    currency: 'usd',
    latest_charge: `ch_bench_${paymentId}`,
    metadata: { payment_id: paymentId },
  });
  const id = `evt_bench_${i}_${paymentId.slice(0, 8)}`;
  return JSON.stringify(stripeEvent('payment_intent.succeeded', intent, { id }));
}

/**
 * What the route sends for one succeeded event, as plain SQL in the same statements: the inbox
 * insert, then one transaction that locks the event and the payment, moves the payment and the
 * appointment (each with its timeline row, as packages/db's transitions do), reads the booking's
 * mail facts and queues its three messages, takes the intent's parking lock and looks for events
 * parked on it, and marks the event processed. Kept statement for statement with the route: a
 * floor with fewer statements would not be "the same SQL".
 */
async function sameWrites(db: Kysely<Database>, paymentId: string, event: { id: string }) {
  await sql`INSERT INTO stripe_events (stripe_event_id, type, livemode, payload) VALUES (${event.id}, 'payment_intent.succeeded', false, ${JSON.stringify(event)}) ON CONFLICT DO NOTHING`.execute(
    db,
  );
  const intentId = `pi_raw_${paymentId}`;
  await db.transaction().execute(async (trx) => {
    await sql`SELECT id FROM stripe_events WHERE stripe_event_id = ${event.id} FOR UPDATE`.execute(
      trx,
    );
    const payment = await sql<{
      appointment_id: string;
    }>`SELECT appointment_id FROM payments WHERE id = ${paymentId} FOR UPDATE`.execute(trx);
    await sql`
      WITH moved AS (UPDATE payments SET status = 'completed', payment_intent_id = ${intentId}, completed_at = now() WHERE id = ${paymentId} AND status = 'pending' RETURNING id)
      INSERT INTO payment_events (payment_id, from_status, to_status, source) SELECT id, 'pending', 'completed', 'webhook' FROM moved`.execute(
      trx,
    );
    const appointmentId = payment.rows[0]!.appointment_id;
    await sql`
      WITH moved AS (UPDATE appointments SET status = 'confirmed' WHERE id = ${appointmentId} AND status = 'pending_payment' RETURNING id)
      INSERT INTO appointment_events (appointment_id, from_status, to_status, source) SELECT id, 'pending_payment', 'confirmed', 'webhook' FROM moved`.execute(
      trx,
    );
    const facts = await sql<{ email: string; starts_at: Date; ends_at: Date }>`
      SELECT pa.email, a.starts_at, a.ends_at, s.name, d.name AS doctor, c.contact_email, c.reminder_hours_before, p.amount
      FROM appointments a JOIN services s ON s.id = a.service_id JOIN doctors d ON d.id = a.doctor_id
      JOIN patients pa ON pa.id = a.patient_id JOIN clinics c ON c.id = s.clinic_id
      LEFT JOIN payments p ON p.appointment_id = a.id
      WHERE a.id = ${appointmentId} ORDER BY p.created_at DESC LIMIT 1`.execute(trx);
    const { email, starts_at: startsAt, ends_at: endsAt } = facts.rows[0]!;
    await sql`
      INSERT INTO mail_outbox (fact_key, kind, audience, appointment_id, recipient, due_at, expires_at)
      VALUES (${`confirmed:${appointmentId}`}, 'booking_confirmed', 'patient', ${appointmentId}, ${email}, now(), ${endsAt}),
             (${`clinic-new:${appointmentId}`}, 'clinic_new_booking', 'clinic', ${appointmentId}, 'clinic@example.com', now(), now() + interval '1 day'),
             (${`reminder:${appointmentId}:${startsAt.toISOString()}`}, 'appointment_reminder', 'patient', ${appointmentId}, ${email}, ${startsAt}::timestamptz - interval '24 hours', ${startsAt})
      ON CONFLICT (fact_key) DO NOTHING`.execute(trx);
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`parked:${intentId}`}, 0))`.execute(
      trx,
    );
    await sql`
      SELECT id FROM stripe_events WHERE outcome = 'unmatched' AND processed_at IS NULL AND livemode = false
        AND payload #>> '{data,object,payment_intent}' = ${intentId} ORDER BY received_at FOR UPDATE SKIP LOCKED`.execute(
      trx,
    );
    await sql`UPDATE stripe_events SET processed_at = now(), outcome = 'applied' WHERE stripe_event_id = ${event.id}`.execute(
      trx,
    );
  });
}
