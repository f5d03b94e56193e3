// For the admin benchmarks: the API in its own process (as production runs it) with its pid, so
// its memory can be read, a million payments written in bulk, and an admin session.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sql, type Database, type Kysely } from '@clinicpay/db';
import { createTestDatabase } from '@clinicpay/db/testing';
import { DEMO_CLINIC, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { migrateAndSeed } from '../src/seed/migrate-and-seed.js';
import { runCredentials } from '../src/testing.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { buildApi } from '../build.js';
import { freePort, waitForApi } from '@clinicpay/testing';
import { BENCH_APP_SECRET, productionEnv } from './production-env.js';

const DOCTORS = 50;
export const DATA_START = new Date('2024-01-01T00:00:00Z');
/** One payment every 63 s: a million span two years. */
export const SPACING_SECONDS = 63;

/** This process's admin and keys: the API runs in production, which refuses the demo's. */
const CREDENTIALS = runCredentials();

export async function startDatabase() {
  const database = await createTestDatabase({ maxConnections: 4 });
  await migrateAndSeed(
    { db: database.db, secretBox: createSecretBox(BENCH_APP_SECRET) },
    CREDENTIALS,
  );
  return database;
}

/** The API as production runs it from its build (build.ts), written beside the real dist/ files. */
const bundleApi = async () => (await buildApi(resolve(import.meta.dirname, '../dist/bench'))).main;

/** `runAs: 'tsx'` runs src/main.ts as `npm start` does; 'bundle' runs a one-file build. */
export async function startApi(databaseUrl: string, runAs: 'tsx' | 'bundle' = 'tsx') {
  const port = await freePort();
  const args = [
    ...(process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ...(runAs === 'bundle' ? [await bundleApi()] : ['--import', 'tsx', 'src/main.ts']),
  ];
  const child = spawn(process.execPath, args, {
    cwd: resolve(import.meta.dirname, '..'),
    env: productionEnv(databaseUrl, port),
    stdio: 'inherit',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForApi(child, url);
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/trpc/admin.auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-clinicpay-csrf': '1' },
    body: JSON.stringify({ email: CREDENTIALS.admin.email, password: CREDENTIALS.admin.password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

/** Resident memory of a process in MB: now (VmRSS) and its peak so far (VmHWM). */
export async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * `count` payments with their patients and appointments, a realistic mix of statuses, written in
 * chunks of SQL. Appointments are spread over 50 extra doctors so the overlap constraint holds.
 */
export async function writePayments(
  db: Kysely<Database>,
  count: number,
  chunk = 100_000,
): Promise<void> {
  await sql`
    INSERT INTO doctors (id, clinic_id, name)
    SELECT ('7c1d0000-0000-4000-8000-' || lpad(to_hex(4096 + d), 12, '0'))::uuid, ${DEMO_CLINIC.id}::uuid, 'Bench Doctor ' || d
    FROM generate_series(0, ${DOCTORS - 1}::int) d ON CONFLICT DO NOTHING`.execute(db);
  for (let lo = 0; lo < count; lo += chunk) {
    const hi = Math.min(count, lo + chunk) - 1;
    await sql`
      WITH pt AS (
        INSERT INTO patients (name, email, phone)
        SELECT 'Bench Patient ' || g, 'bench' || g || '@example.com', '+1 555 0100' FROM generate_series(${lo}::int, ${hi}::int) g
        RETURNING id, substring(name from 15)::int AS g
      ), planned AS (
        SELECT pt.g, pt.id AS patient_id, pt.g % 100 AS bucket,
               timestamptz '2024-01-01' + pt.g * interval '${sql.raw(String(SPACING_SECONDS))} seconds' AS created_at
        FROM pt
      ), ap AS (
        INSERT INTO appointments (reference, doctor_id, service_id, patient_id, starts_at, ends_at, status, hold_expires_at, payment_method, access_token_hash, created_at)
        SELECT 'BX-' || lpad(g::text, 8, '0'),
               ('7c1d0000-0000-4000-8000-' || lpad(to_hex(4096 + g % ${DOCTORS}::int), 12, '0'))::uuid,
               ${DEMO_SERVICES[0].id}::uuid, patient_id,
               timestamptz '2024-01-01' + (g / ${DOCTORS}::int) * interval '30 minutes',
               timestamptz '2024-01-01' + (g / ${DOCTORS}::int + 1) * interval '30 minutes',
               CASE WHEN bucket BETWEEN 68 AND 69 THEN 'pending_payment' WHEN bucket BETWEEN 70 AND 89 THEN 'cancelled' ELSE 'completed' END,
               CASE WHEN bucket BETWEEN 68 AND 69 THEN created_at + interval '35 minutes' END,
               CASE WHEN bucket >= 90 THEN 'pay_at_clinic' ELSE 'stripe' END,
               'h', created_at
        FROM planned
        RETURNING id, substring(reference from 4)::int AS g
      )
      INSERT INTO payments (appointment_id, gateway, mode, amount, currency, status, checkout_session_id, payment_intent_id, amount_refunded, completed_at, created_at, updated_at)
      SELECT ap.id,
             CASE WHEN bucket >= 90 THEN 'pay_at_clinic' ELSE 'stripe' END,
             CASE WHEN bucket >= 90 THEN NULL ELSE 'test' END,
             2000 + (planned.g::bigint * 7919 % 200) * 100, 'USD', s.status,
             CASE WHEN bucket < 90 THEN 'cs_bench_' || planned.g END,
             CASE WHEN bucket < 68 OR bucket BETWEEN 70 AND 79 THEN 'pi_bench_' || planned.g END,
             CASE s.status WHEN 'refunded' THEN 2000 + (planned.g::bigint * 7919 % 200) * 100 WHEN 'partially_refunded' THEN 1000 ELSE 0 END,
             CASE WHEN s.status IN ('completed', 'refunded', 'partially_refunded', 'paid_at_clinic') THEN created_at + interval '2 minutes' END,
             created_at, created_at
      FROM planned JOIN ap ON ap.g = planned.g
      CROSS JOIN LATERAL (SELECT CASE
        WHEN bucket < 60 THEN 'completed' WHEN bucket < 65 THEN 'refunded' WHEN bucket < 68 THEN 'partially_refunded'
        WHEN bucket < 70 THEN 'pending' WHEN bucket < 80 THEN 'failed' WHEN bucket < 90 THEN 'expired'
        WHEN bucket < 95 THEN 'due_at_clinic' ELSE 'paid_at_clinic' END AS status) s`.execute(db);
    process.stdout.write(`  wrote ${hi + 1} payments\r`);
  }
  process.stdout.write('\n');
  await sql`ANALYZE patients`.execute(db);
  await sql`ANALYZE appointments`.execute(db);
  await sql`ANALYZE payments`.execute(db);
}
