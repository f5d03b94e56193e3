// Bookings through booking.create over HTTP, including the checkout session created at the Stripe
// emulator, beside the same inserts straight through pg in the same run, round after round.
// Returns the figures; booking.bench.ts prints them.
import { sql, type Database, type Kysely } from '@clinicpay/db';
import { createTestDatabase } from '@clinicpay/db/testing';
import { startEmulator } from '@clinicpay/stripe-emulator';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../src/index.js';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { seedDemoClinic } from '../src/seed/demo-clinic.seed.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { startApiProcess } from './api-process.js';
import { runCredentials } from '../src/testing.js';
import { runPool, type PoolRun } from '@clinicpay/testing';

export interface BookingOptions {
  bookings: number;
  rounds: number;
  inFlight: number;
}

export interface BookingRound {
  http: PoolRun;
  floor: PoolRun;
  /** Rows of the round found afterwards: holds with a checkout session (API), appointments (floor). */
  written: { http: number; floor: number };
}

const service = DEMO_SERVICES[0];

export async function measureBookings(options: BookingOptions): Promise<BookingRound[]> {
  const { bookings, rounds, inFlight } = options;
  const credentials = runCredentials();
  const stripe = await startEmulator({
    port: 0,
    keys: [credentials.stripe.secretKey, credentials.stripe.publishableKey],
  });
  const api = await startApiProcess(
    {
      STRIPE_API_URL: stripe.url,
      BOOKING_RATE_LIMIT: '1000000/1m',
      PUBLIC_URL: 'http://localhost:5173',
    },
    credentials,
  );
  const raw = await createTestDatabase({ maxConnections: api.databasePoolSize });
  const results: BookingRound[] = [];
  try {
    await openAllHours(api.db);
    await seedDemoClinic({
      db: raw.db,
      secretBox: createSecretBox('bench-app-secret-of-at-least-32-chars'),
    });
    const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${api.url}/trpc` })] });
    for (let round = 0; round < rounds; round++) {
      const slots = plannedSlots(bookings, round * bookings);
      const before = { http: await heldWithCheckout(api.db), floor: await rawAppointments(raw.db) };
      const http = await runPool(bookings, inFlight, async (i) => {
        const booking = await client.booking.create.mutate({
          serviceId: service.id,
          doctorId: slots[i]!.doctorId,
          startsAt: slots[i]!.startsAt,
          patient: {
            name: `Bench Patient ${i}`,
            email: `bench${i}@example.com`,
            phone: '+1 555 0100',
          },
          paymentMethod: 'stripe',
        });
        if (!booking.checkout) throw new Error('no checkout session');
      });
      const floor = await runPool(bookings, inFlight, (i) =>
        sameInserts(raw.db, slots[i]!, i + round * bookings),
      );
      const written = {
        http: (await heldWithCheckout(api.db)) - before.http,
        floor: (await rawAppointments(raw.db)) - before.floor,
      };
      results.push({ http, floor, written });
    }
  } finally {
    await api.stop();
    await raw.drop();
    await stripe.stop();
  }
  return results;
}

/** Every doctor works around the clock and offers the service, so there are slots for thousands. */
export async function openAllHours(db: Kysely<Database>) {
  await sql`DELETE FROM doctor_weekly_hours`.execute(db);
  for (const doctor of DEMO_DOCTORS) {
    await sql`INSERT INTO doctor_weekly_hours (doctor_id, weekday, start_minute, end_minute) SELECT ${doctor.id}::uuid, d, 0, 1440 FROM generate_series(0, 6) d`.execute(
      db,
    );
    await sql`INSERT INTO doctor_services (doctor_id, service_id) VALUES (${doctor.id}::uuid, ${service.id}::uuid) ON CONFLICT DO NOTHING`.execute(
      db,
    );
  }
}

/** Distinct future times, 30 minutes apart, one doctor each. */
export function plannedSlots(count: number, offset: number) {
  const start = Date.now() + 2 * 3600_000;
  const base = Math.ceil(start / 1800_000) * 1800_000;
  return Array.from({ length: count }, (_, i) => ({
    startsAt: new Date(
      base + Math.floor((i + offset) / DEMO_DOCTORS.length) * 1800_000,
    ).toISOString(),
    doctorId: DEMO_DOCTORS[(i + offset) % DEMO_DOCTORS.length]!.id,
  }));
}

async function heldWithCheckout(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM payments p JOIN appointments a ON a.id = p.appointment_id
    WHERE a.status = 'pending_payment' AND p.checkout_session_id IS NOT NULL`.execute(db);
  return rows[0]!.n;
}

async function rawAppointments(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM appointments WHERE reference LIKE 'CP-RAW%'`.execute(db);
  return rows[0]!.n;
}

/** What a booking's first transaction writes, as plain SQL (the checkout session excluded). */
async function sameInserts(
  db: Kysely<Database>,
  slot: { startsAt: string; doctorId: string },
  i: number,
) {
  await db.transaction().execute(async (trx) => {
    const patient = await sql<{
      id: string;
    }>`INSERT INTO patients (name, email, phone) VALUES (${`Bench Patient ${i}`}, ${`bench${i}@example.com`}, '+1 555 0100') RETURNING id`.execute(
      trx,
    );
    const endsAt = new Date(Date.parse(slot.startsAt) + 30 * 60_000);
    const appointment = await sql<{ id: string }>`
      INSERT INTO appointments (reference, doctor_id, service_id, patient_id, starts_at, ends_at, status, hold_expires_at, payment_method, access_token_hash)
      VALUES (${`CP-RAW${i}`}, ${slot.doctorId}::uuid, ${service.id}::uuid, ${patient.rows[0]!.id}::uuid, ${slot.startsAt}, ${endsAt}, 'pending_payment', now() + interval '35 minutes', 'stripe', 'h')
      RETURNING id`.execute(trx);
    await sql`INSERT INTO appointment_events (appointment_id, to_status, source) VALUES (${appointment.rows[0]!.id}::uuid, 'pending_payment', 'booking')`.execute(
      trx,
    );
    const payment = await sql<{ id: string }>`
      INSERT INTO payments (appointment_id, gateway, mode, amount, currency, status) VALUES (${appointment.rows[0]!.id}::uuid, 'stripe', 'test', 6000, 'USD', 'pending') RETURNING id`.execute(
      trx,
    );
    await sql`INSERT INTO payment_events (payment_id, to_status, source) VALUES (${payment.rows[0]!.id}::uuid, 'pending', 'booking')`.execute(
      trx,
    );
  });
}
