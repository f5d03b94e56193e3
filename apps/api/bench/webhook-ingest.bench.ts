// Webhook ingest: signed payment_intent.succeeded events POSTed to the real route at 32 in flight
// (verify, store, apply, mark processed), beside the same SQL writes sent straight through pg in
// the same run. Not a test: prints figures. `pnpm --filter @clinicpay/api bench`.
import { sql, type Database, type Kysely } from '@clinicpay/db';
import { createTestDatabase } from '@clinicpay/db/testing';
import { DEMO_KEYS } from '@clinicpay/stripe-emulator';
import Stripe from 'stripe';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { startApiProcess } from './api-process.js';
import { fmt, median, runPool } from './bench-support.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const IN_FLIGHT = 32;
const ROUNDS = 3;
const stripe = new Stripe('sk_test_bench');

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
    SELECT a.id, 'stripe', 'test', 6000, 'USD', 'pending', 'cs_bench_' || a.reference FROM a`.execute(db);
  return db
    .selectFrom('payments')
    .select(['id'])
    .where('checkout_session_id', 'like', 'cs_bench_BENCH-%')
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(count)
    .execute();
}

function succeededEvent(paymentId: string, i: number) {
  return JSON.stringify({
    id: `evt_bench_${i}_${paymentId.slice(0, 8)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `pi_bench_${paymentId}`,
        object: 'payment_intent',
        amount: 6000,
        amount_received: 6000,
        currency: 'usd',
        status: 'succeeded',
        latest_charge: `ch_bench_${paymentId}`,
        metadata: { payment_id: paymentId },
      },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'payment_intent.succeeded',
  });
}

async function main() {
  const api = await startApiProcess();
  // The same pool size on both sides: the API's default (DATABASE_POOL_SIZE, 10).
  const raw = await createTestDatabase({ maxConnections: api.databasePoolSize });
  const viaHttp: Awaited<ReturnType<typeof runPool>>[] = [];
  const viaPg: Awaited<ReturnType<typeof runPool>>[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const forHttp = await pendingPayments(api.db, EVENTS, round * EVENTS * 2 + 1);
      const bodies = forHttp.map((p, i) => succeededEvent(p.id, i + round * EVENTS));
      viaHttp.push(
        await runPool(EVENTS, IN_FLIGHT, async (i) => {
          const body = bodies[i]!;
          const response = await fetch(`${api.url}/webhooks/stripe`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret: DEMO_KEYS.webhookSigningSecret }) },
            body,
          });
          if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
          await response.arrayBuffer();
        }),
      );

      // The floor: the same writes, in the same transactions, straight through pg.
      await seedCatalogue(raw.db);
      const forPg = await pendingPayments(raw.db, EVENTS, round * EVENTS * 2 + 1);
      viaPg.push(
        await runPool(EVENTS, IN_FLIGHT, async (i) => {
          const paymentId = forPg[i]!.id;
          const body = succeededEvent(paymentId, i + round * EVENTS);
          await sameWrites(raw.db, paymentId, JSON.parse(body) as { id: string });
        }),
      );
    }
  } finally {
    await api.stop();
    await raw.drop();
  }

  const http = { perSecond: median(viaHttp.map((r) => r.perSecond)), p50: median(viaHttp.map((r) => r.p50)), p99: median(viaHttp.map((r) => r.p99)) };
  const floor = { perSecond: median(viaPg.map((r) => r.perSecond)), p50: median(viaPg.map((r) => r.p50)), p99: median(viaPg.map((r) => r.p99)) };
  console.log(`webhook ingest, ${EVENTS} payment_intent.succeeded events x ${ROUNDS} rounds, ${IN_FLIGHT} in flight (medians)`);
  console.log(`  via HTTP route:   ${fmt(http.perSecond, 0)} events/s   p50 ${fmt(http.p50)} ms   p99 ${fmt(http.p99)} ms`);
  console.log(`  same SQL via pg:  ${fmt(floor.perSecond, 0)} events/s   p50 ${fmt(floor.p50)} ms   p99 ${fmt(floor.p99)} ms`);
  console.log(`  ratio HTTP / pg floor: ${fmt(http.perSecond / floor.perSecond, 2)}   (target >= 0.50, p99 <= 50 ms)`);
}

async function seedCatalogue(db: Kysely<Database>) {
  const { seedDemoClinic } = await import('../src/seed/demo-clinic.seed.js');
  const { createSecretBox } = await import('../src/security/secret-box.js');
  await seedDemoClinic({ db, secretBox: createSecretBox('bench-app-secret-of-at-least-32-chars') });
}

/** What the route's transaction writes for one succeeded event, as plain SQL. */
async function sameWrites(db: Kysely<Database>, paymentId: string, event: { id: string }) {
  await sql`INSERT INTO stripe_events (stripe_event_id, type, livemode, payload) VALUES (${event.id}, 'payment_intent.succeeded', false, ${JSON.stringify(event)}) ON CONFLICT DO NOTHING`.execute(db);
  await db.transaction().execute(async (trx) => {
    await sql`SELECT id FROM stripe_events WHERE stripe_event_id = ${event.id} FOR UPDATE`.execute(trx);
    const payment = await sql<{ appointment_id: string }>`SELECT appointment_id FROM payments WHERE id = ${paymentId} FOR UPDATE`.execute(trx);
    await sql`UPDATE payments SET status = 'completed', payment_intent_id = ${`pi_raw_${paymentId}`}, completed_at = now() WHERE id = ${paymentId} AND status = 'pending'`.execute(trx);
    await sql`INSERT INTO payment_events (payment_id, from_status, to_status, source) VALUES (${paymentId}, 'pending', 'completed', 'webhook')`.execute(trx);
    const appointmentId = payment.rows[0]!.appointment_id;
    await sql`SELECT id FROM appointments WHERE id = ${appointmentId} FOR UPDATE`.execute(trx);
    await sql`UPDATE appointments SET status = 'confirmed' WHERE id = ${appointmentId} AND status = 'pending_payment'`.execute(trx);
    await sql`INSERT INTO appointment_events (appointment_id, from_status, to_status, source) VALUES (${appointmentId}, 'pending_payment', 'confirmed', 'webhook')`.execute(trx);
    await sql`UPDATE stripe_events SET processed_at = now(), outcome = 'applied' WHERE stripe_event_id = ${event.id}`.execute(trx);
  });
}

await main();
