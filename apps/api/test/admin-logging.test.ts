// What the API writes to its log while admins and patients use it: requests and failures, but no
// secret, password, session token, or patient detail (the log may be shipped elsewhere).
import { createTestDatabase, type TestDatabase } from '@clinicpay/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../src/bootstrap.js';
import { loadConfig } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { DEMO_ADMIN } from '@clinicpay/demo';
import { migrateAndSeed } from '../src/seed/migrate-and-seed.js';
import { startServer, type RunningServer } from '../src/server.js';
import { TEST_APP_SECRET } from '../src/testing.js';
import { signIn, trpcMutation, trpcQuery } from './support/admin-http.js';
import { book, freeSlots } from './support/booking.js';
import { DEMO_KEYS } from '@clinicpay/demo';

const lines: string[] = [];
let database: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    APP_SECRET: TEST_APP_SECRET,
    LOG_LEVEL: 'debug',
    STRIPE_API_URL: 'http://127.0.0.1:9',
  });
  runtime = await openRuntime(config, {
    logger: createLogger({
      level: 'debug',
      destination: { write: (line: string) => void lines.push(line) },
    }),
  });
  await migrateAndSeed(runtime);
  server = await startServer(runtime);
});
afterAll(async () => {
  await server?.stop();
  await runtime?.close();
  await database?.drop();
});

describe('the log', () => {
  it('records requests without query strings, secrets, passwords, tokens or patient details', async () => {
    const patient = {
      name: 'Zebulon Quixote',
      email: 'zebulon.quixote@example.com',
      phone: '+1 212 555 0199',
    };
    const slot = (await freeSlots(runtime))[0]!;
    await book(runtime, { startsAt: slot.startsAt, paymentMethod: 'pay_at_clinic', patient });
    await trpcMutation(server.url, 'admin.auth.signIn', {
      email: DEMO_ADMIN.email,
      password: 'a wrong password 123',
    });
    const cookie = await signIn(server.url);
    await trpcQuery(server.url, 'admin.transactions.list', { search: patient.email }, { cookie });
    await trpcQuery(server.url, 'admin.appointments.list', { patient: patient.name }, { cookie });
    await trpcQuery(server.url, 'admin.stripeSettings.get', undefined, { cookie });
    // Stripe cannot be reached here (nothing listens on port 9): the key check says so, and fails.
    const unreachable = await trpcMutation(
      server.url,
      'admin.stripeSettings.save',
      {
        enabled: true,
        mode: 'test',
        currency: 'usd',
        failurePolicy: 'cancel',
        secretKey: `sk_test_${'9'.repeat(30)}`,
      },
      { cookie },
    );
    expect(unreachable.status).toBe(503);
    expect(unreachable.body.error?.message).toBe(
      'Stripe could not be reached to check the Secret API Key, so nothing was saved. Try again in a moment.',
    );
    await trpcQuery(server.url, 'admin.auth.me', undefined, {
      cookie: `clinicpay_admin=${'x'.repeat(43)}`,
    });

    const log = lines.join('');
    expect(log).toContain('"path":"/trpc/admin.transactions.list"');
    expect(log).toContain('admin sign-in failed');
    for (const forbidden of [
      patient.name,
      patient.email,
      patient.phone,
      'zebulon',
      'a wrong password',
      DEMO_ADMIN.password,
      cookie.split('=')[1]!,
      DEMO_KEYS.secretKey,
      DEMO_KEYS.webhookSigningSecret,
      '9'.repeat(30),
      'input=',
    ]) {
      expect({ forbidden, found: log.includes(forbidden) }).toEqual({ forbidden, found: false });
    }
  });

  it('records why a plain route failed with a 500, with its path but no query string', async () => {
    const failing = await startServer(runtime, {
      configure: (s) => s.get('/boom', () => Promise.reject(new Error('the disk is full'))),
    });
    try {
      const answer = await fetch(`${failing.url}/boom?email=zebulon.quixote%40example.com`);
      expect(answer.status).toBe(500);
      const failure = lines
        .map((l) => JSON.parse(l) as { msg: string; path?: string; err?: { message: string } })
        .find((l) => l.msg === 'request failed');
      expect(failure).toMatchObject({ path: '/boom', err: { message: 'the disk is full' } });
      expect(lines.join('\n')).not.toContain('zebulon.quixote%40example.com');
    } finally {
      await failing.stop();
    }
  });
});
