import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../src/bootstrap.js';
import { loadConfig } from '../src/env.js';
import { migrateAndSeed } from '../src/seed/migrate-and-seed.js';
import { DEMO_ADMIN } from '@clinicpay/demo';
import { buildServer } from '../src/server.js';
import { transactionsCsv } from '../src/services/transactions/transactions-csv.js';
import { TEST_APP_SECRET, startTestApi, type TestApi } from '../src/testing.js';
import { signIn } from './support/admin-http.js';
import { insertPayments, specOf } from './support/admin-payments.js';

const COUNT = 4_500; // more than two batches of 2,000
let api: TestApi;
let cookie: string;
beforeAll(async () => {
  api = await startTestApi();
  await insertPayments(api.db, COUNT);
  await api.db
    .updateTable('patients')
    .set({ name: '=HYPERLINK("http://x"), Jr' })
    .where('email', '=', 'p1@example.com')
    .execute();
  // Ids arrive from Stripe's events: an attacker who controls one must not get a formula in.
  const p2 = await api.db
    .selectFrom('payments')
    .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .select('payments.id')
    .where('patients.email', '=', 'p2@example.com')
    .executeTakeFirstOrThrow();
  await api.db
    .updateTable('payments')
    .set({ payment_intent_id: '=cmd|"/c calc"!A1', checkout_session_id: '@SUM(1,2)' })
    .where('id', '=', p2.id)
    .execute();
  cookie = await signIn(api.url);
}, 120_000);
afterAll(async () => {
  await api?.stop();
});

const exportUrl = (input: object) =>
  `${api.url}/exports/transactions.csv?input=${encodeURIComponent(JSON.stringify(input))}`;
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('CSV export of transactions', () => {
  it('streams every matching row in the list order, as a download', async () => {
    const response = await fetch(exportUrl({}), { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="transactions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      chunks++;
      text += decoder.decode(chunk as Uint8Array, { stream: true });
    }
    expect(chunks).toBeGreaterThan(2);
    const rows = lines(text);
    expect(rows[0]).toBe(
      'Created (UTC),Reference,Patient,Email,Service,Appointment (UTC),Gateway,Mode,Status,Stripe payment intent,Stripe checkout session,Paid (UTC),Currency,Amount,Refunded',
    );
    expect(rows).toHaveLength(COUNT + 1);
    expect(new Set(rows.slice(1).map((r) => r.split(',')[1])).size).toBe(COUNT);
  });

  it('writes each field as the admin expects, and defuses formulas', async () => {
    const rows = lines(
      await (await fetch(exportUrl({ search: 'TX-0000009' }), { headers: { cookie } })).text(),
    );
    const spec = specOf(9);
    expect(rows[1]).toBe(
      [
        spec.createdAt.toISOString(),
        'TX-0000009',
        'Patient 9',
        'p9@example.com',
        'General consultation',
        '2031-01-01T04:30:00.000Z',
        'stripe',
        'test',
        'completed',
        'pi_fx_9',
        'cs_fx_9',
        new Date(spec.createdAt.getTime() + 60_000).toISOString(),
        'USD',
        (spec.amount / 100).toFixed(2),
        '0.00',
      ].join(','),
    );
    const formula = lines(
      await (await fetch(exportUrl({ search: 'p1@example.com' }), { headers: { cookie } })).text(),
    );
    expect(formula[1]).toContain(`,"'=HYPERLINK(""http://x""), Jr",`);
  });

  it('defuses formulas in the Stripe id columns too', async () => {
    const rows = lines(
      await (await fetch(exportUrl({ search: 'p2@example.com' }), { headers: { cookie } })).text(),
    );
    expect(rows[1]).toContain(`,"'=cmd|""/c calc""!A1","'@SUM(1,2)",`);
  });

  it('applies the filters and order of the list', async () => {
    const rows = lines(
      await (
        await fetch(exportUrl({ status: ['completed'], sort: 'amount', direction: 'asc' }), {
          headers: { cookie },
        })
      ).text(),
    ).slice(1);
    const expected = Array.from({ length: COUNT }, (_, i) => specOf(i)).filter(
      (s) => s.status === 'completed',
    );
    expect(rows).toHaveLength(expected.length);
    const amounts = rows.map((r) => Number(r.split(',')[13]));
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });

  it('is recorded in the audit log', async () => {
    const entries = await api.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'transactions.exported')
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses without a session, and reports bad filters', async () => {
    const signedOut = await fetch(exportUrl({}));
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: 'Please sign in to continue.' });
    const bad = await fetch(exportUrl({ amountMin: -1 }), { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(
      (
        await fetch(`${api.url}/exports/transactions.csv?input=%7Bnot-json`, {
          headers: { cookie },
        })
      ).status,
    ).toBe(400);
  });

  it('reads in batches: the same rows whatever the batch size', async () => {
    const collect = async (batch: number) => {
      let out = '';
      for await (const part of transactionsCsv(
        api.db,
        { status: ['refunded'], sort: 'created_at', direction: 'desc' },
        batch,
      ))
        out += part;
      return out;
    };
    expect(await collect(7)).toBe(await collect(2000));
  });
});

describe('CSV export on embedded PGlite', () => {
  let dir: string;
  let runtime: Runtime;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clinicpay-csv-'));
    runtime = await openRuntime(
      loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dir,
        APP_SECRET: TEST_APP_SECRET,
        LOG_LEVEL: 'silent',
      }),
    );
    await migrateAndSeed(runtime);
    await insertPayments(runtime.db, 30);
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the same CSV through the route', async () => {
    expect(runtime.database.kind).toBe('pglite');
    const server = await buildServer(runtime);
    try {
      const signedIn = await server.inject({
        method: 'POST',
        url: '/trpc/admin.auth.signIn',
        headers: { 'x-clinicpay-csrf': '1' },
        payload: DEMO_ADMIN,
      });
      const sessionCookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      const answer = await server.inject({
        method: 'GET',
        url: '/exports/transactions.csv',
        headers: { cookie: sessionCookie },
      });
      expect(answer.statusCode).toBe(200);
      expect(lines(answer.body)).toHaveLength(31);
      let batched = '';
      for await (const part of transactionsCsv(
        runtime.db,
        { sort: 'created_at', direction: 'desc' },
        4,
      ))
        batched += part;
      expect(batched).toBe(answer.body);
    } finally {
      await server.close();
    }
  });
});
