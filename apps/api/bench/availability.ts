// Availability of a service over 30 days, for "any available" doctor: the same call on an empty
// table and then with `appointments` rows in it (generated once by generate_series), each measured
// `rounds` times. Returns the figures; availability.bench.ts prints them.
import { addDays, toLocal } from '@clinicpay/contracts';
import { sql } from '@clinicpay/db';
import { createManualClock } from '../src/clock.js';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { findAvailability } from '../src/services/availability/availability.service.js';
import { startTestApi } from '../src/testing.js';
import { runSequential, type LatencyRun } from '@clinicpay/testing';

export interface AvailabilityOptions {
  appointments: number;
  calls: number;
  rounds: number;
}

export interface AvailabilityResult {
  doctors: number;
  empty: LatencyRun[];
  loaded: LatencyRun[];
  /** Rows in the table while `loaded` was measured. */
  rows: number;
  loadSeconds: number;
}

export async function measureAvailability(
  options: AvailabilityOptions,
): Promise<AvailabilityResult> {
  const clock = createManualClock(new Date('2026-12-01T12:00:00Z'));
  const api = await startTestApi({ clock });
  try {
    const service = DEMO_SERVICES[0];
    const from = toLocal(clock.now(), 'America/New_York').date;
    const input = { serviceId: service.id, doctorId: 'any' as const, from, to: addDays(from, 29) };
    const call = async () => {
      const { days } = await findAvailability(api.runtime, input);
      return days.reduce((slots, day) => slots + day.slots.length, 0);
    };
    const empty: LatencyRun[] = [];
    for (let r = 0; r < options.rounds; r++) empty.push(await measure(call, options.calls));

    const started = performance.now();
    const patient = await api.db
      .insertInto('patients')
      .values({ name: 'History', email: 'h@example.com', phone: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Half-hour appointments, one doctor after another, reaching back years and into the next
    // weeks; every third future one is cancelled so the month is partly free.
    const perDoctor = Math.ceil(options.appointments / DEMO_DOCTORS.length);
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
    const count = await api.db
      .selectFrom('appointments')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const loaded: LatencyRun[] = [];
    for (let r = 0; r < options.rounds; r++) loaded.push(await measure(call, options.calls));
    return { doctors: DEMO_DOCTORS.length, empty, loaded, rows: count.n, loadSeconds };
  } finally {
    await api.stop();
  }
}

/** `calls` sequential calls after a warm-up (plans cached, pages in memory). */
async function measure(call: () => Promise<number>, calls: number): Promise<LatencyRun> {
  for (let i = 0; i < 10; i++) await call();
  return runSequential(calls, async () => (await call()) > 0);
}
