// Availability of a service over 30 days, for "any available" doctor, with 1,000,000 appointments
// in the table (generated once by generate_series), beside the same call on an empty table in the
// same run. Not a test: prints figures. `pnpm --filter @clinicpay/api bench`.
import { addDays, toLocal } from '@clinicpay/contracts';
import { sql } from '@clinicpay/db';
import { createManualClock } from '../src/clock.js';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { findAvailability } from '../src/services/availability/availability.service.js';
import { startTestApi } from '../src/testing.js';
import { fmt, percentile } from './bench-support.js';

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
const CALLS = 200;

async function measure(call: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await call(); // warm-up: plans cached, pages in memory
  const latencies: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await call();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

async function main() {
  const clock = createManualClock(new Date('2026-12-01T12:00:00Z'));
  const api = await startTestApi({ clock });
  try {
    const service = DEMO_SERVICES[0];
    const from = toLocal(clock.now(), 'America/New_York').date;
    const input = { serviceId: service.id, doctorId: 'any' as const, from, to: addDays(from, 29) };
    const call = () => findAvailability(api.runtime, input);
    const empty = await measure(call);

    const started = performance.now();
    const patient = await api.db.insertInto('patients').values({ name: 'History', email: 'h@example.com', phone: null }).returning('id').executeTakeFirstOrThrow();
    // Half-hour appointments, one doctor after another, reaching back years and into the next
    // weeks; every third future one is cancelled so the month is partly free.
    const perDoctor = Math.ceil(APPOINTMENTS / DEMO_DOCTORS.length);
    for (const [d, doctor] of DEMO_DOCTORS.entries()) {
      await sql`
        INSERT INTO appointments (reference, doctor_id, service_id, patient_id, starts_at, ends_at, status, payment_method, access_token_hash)
        SELECT 'H' || ${d} || '-' || g, ${doctor.id}::uuid, ${service.id}::uuid, ${patient.id}::uuid,
               ${clock.now()}::timestamptz + (g - ${perDoctor - 500}) * interval '30 minutes',
               ${clock.now()}::timestamptz + (g - ${perDoctor - 500} + 1) * interval '30 minutes',
               CASE WHEN g % 3 = 0 THEN 'cancelled' ELSE 'completed' END, 'pay_at_clinic', 'h'
        FROM generate_series(1, ${perDoctor}) g`.execute(api.db);
    }
    await sql`ANALYZE appointments`.execute(api.db);
    const loadSeconds = (performance.now() - started) / 1000;
    const count = await api.db.selectFrom('appointments').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const loaded = await measure(call);

    console.log(`availability, 30 days, any of ${DEMO_DOCTORS.length} doctors, ${CALLS} calls (ms)`);
    console.log(`  empty table:              p50 ${fmt(empty.p50, 2)}  p95 ${fmt(empty.p95, 2)}  p99 ${fmt(empty.p99, 2)}`);
    console.log(`  ${count.n.toLocaleString('en-US')} appointments:  p50 ${fmt(loaded.p50, 2)}  p95 ${fmt(loaded.p95, 2)}  p99 ${fmt(loaded.p99, 2)}   (loaded in ${fmt(loadSeconds)} s)`);
    console.log(`  ratio p95 loaded / empty: ${fmt(loaded.p95 / empty.p95, 2)}   (target p95 <= 10 ms)`);
  } finally {
    await api.stop();
  }
}

await main();
