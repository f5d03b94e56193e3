import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '@clinicpay/demo';
import { startTestApi, type TestApi } from '../src/testing.js';
import { TRPC_MAX_BATCH_ITEMS } from '@clinicpay/contracts';
import { trpcMutation, trpcQuery } from './support/admin-http.js';

const SPA = 'https://admin.clinic.example';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: {
      PUBLIC_URL: 'http://clinic.example',
      CORS_ORIGINS: SPA,
      BOOKING_RATE_LIMIT: '2/1m',
      BOOKING_STATUS_RATE_LIMIT: '2/1m',
      SIGN_IN_RATE_LIMIT: '3/1m',
      AVAILABILITY_RATE_LIMIT: '2/1m',
    },
  });
});
afterAll(async () => {
  await api?.stop();
});

const signInWith = (headers: Record<string, string>, csrf = true) =>
  trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN, {
    csrf,
    headers: { 'x-forwarded-for': '10.0.0.1', ...headers },
  });

describe('CSRF defence on state-changing calls', () => {
  beforeEach(async () => {
    await api.db.deleteFrom('rate_limit_counters').execute();
  });

  it('refuses a call without the custom header', async () => {
    const answer = await signInWith({}, false);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.data.appCode).toBe('csrf_refused');
    expect(answer.body.error?.message).toMatch(/did not come from the Clinicpay admin/);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a cross-site request that names no origin', async () => {
    const answer = await signInWith({ 'sec-fetch-site': 'cross-site' });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.data.appCode).toBe('csrf_refused');
  });

  it('refuses a page of another origin before any procedure runs', async () => {
    const answer = await signInWith({
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('accepts the configured SPA origin, the public origin, and a same-origin proxy', async () => {
    expect((await signInWith({ origin: SPA, 'sec-fetch-site': 'cross-site' })).status).toBe(200);
    expect(
      (await signInWith({ origin: 'http://clinic.example', 'sec-fetch-site': 'same-origin' }))
        .status,
    ).toBe(200);
    // A dev server's proxy: the browser says same-origin; the Origin is the dev server's.
    expect(
      (await signInWith({ origin: 'http://127.0.0.1:5999', 'sec-fetch-site': 'same-origin' }))
        .status,
    ).toBe(200);
  });
});

describe('CORS limited to the configured SPA origins', () => {
  const preflight = (origin: string) =>
    fetch(`${api.url}/trpc/admin.auth.signIn`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-clinicpay-csrf',
      },
    });

  it('answers a preflight from an allowed origin, with credentials', async () => {
    const response = await preflight(SPA);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SPA);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-clinicpay-csrf');
  });

  it('refuses a preflight and a read from another origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${api.url}/trpc/catalogue.clinic`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(read.status).toBe(403);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(await read.json()).toEqual({
      error: 'This site may not call the Clinicpay API. Open Clinicpay from its own address.',
    });
  });

  it('lets callers without an Origin through (Stripe, same-origin page loads)', async () => {
    expect((await fetch(`${api.url}/trpc/catalogue.clinic`)).status).toBe(200);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});

describe('rate limits, counted in PostgreSQL, answered with 429 and a sentence', () => {
  it('limits booking.create per address', async () => {
    const attempt = () =>
      trpcMutation(
        api.url,
        'booking.create',
        { serviceId: 'x' },
        { headers: { 'x-forwarded-for': '10.0.0.2' } },
      );
    expect((await attempt()).status).toBe(400);
    expect((await attempt()).status).toBe(400);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error?.message).toMatch(
      /^Too many bookings from your network in a short time\. Please wait \d+ seconds? and try again, or call the clinic\.$/,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const counted = await api.db
      .selectFrom('rate_limit_counters')
      .select(['key', 'count'])
      .where('key', 'like', 'rate:booking.create:%')
      .execute();
    expect(counted.map((c) => c.count)).toContain(3);
  });

  it('limits booking.status per address (the result page polls it)', async () => {
    const read = () =>
      trpcQuery(api.url, 'booking.status', { reference: 'CP-NOSUCH1', token: 'x'.repeat(30) });
    expect((await read()).status).toBe(404);
    expect((await read()).status).toBe(404);
    const limited = await read();
    expect(limited.status).toBe(429);
    expect(limited.body.error?.message).toMatch(
      /^Too many requests for booking details from your network\. Please wait \d+ seconds? and try again\.$/,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits catalogue.availability per address (each call computes free times)', async () => {
    await api.db.deleteFrom('rate_limit_counters').execute();
    const read = () => trpcQuery(api.url, 'catalogue.availability', { serviceId: 'nope' });
    expect((await read()).status).toBe(400);
    expect((await read()).status).toBe(400);
    const limited = await read();
    expect(limited.status).toBe(429);
    expect(limited.body.error?.message).toMatch(
      /^Too many requests for free times from your network\. Please wait \d+ seconds? and try again, or call the clinic\.$/,
    );
  });

  it("refuses a tRPC batch above the SPAs' maxItems with a sentence, running none of it", async () => {
    await api.db.deleteFrom('rate_limit_counters').execute();
    const batch = (n: number) =>
      fetch(
        `${api.url}/trpc/${Array.from({ length: n }, () => 'catalogue.availability').join(',')}?batch=1&input=${encodeURIComponent(
          JSON.stringify(
            Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { serviceId: 'nope' }])),
          ),
        )}`,
      );
    const tooBig = await batch(TRPC_MAX_BATCH_ITEMS + 1);
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toBe(
      `A request may batch at most ${TRPC_MAX_BATCH_ITEMS} calls; send the others in another request.`,
    );
    // Nothing of it ran: not one availability call was counted.
    expect(await api.db.selectFrom('rate_limit_counters').select('key').execute()).toEqual([]);
    const encoded = await fetch(
      `${api.url}/trpc/${Array.from({ length: 11 }, () => 'catalogue.clinic').join('%2C')}?batch=1`,
    );
    expect(encoded.status).toBe(400);
    const allowed = await fetch(
      `${api.url}/trpc/${Array.from({ length: TRPC_MAX_BATCH_ITEMS }, () => 'catalogue.clinic').join(',')}?batch=1`,
    );
    expect(allowed.status).toBe(200);
  });

  it('counts the connecting address, not X-Forwarded-For, unless the sender is a trusted proxy', async () => {
    await api.db.deleteFrom('rate_limit_counters').execute();
    await trpcMutation(
      api.url,
      'booking.create',
      { serviceId: 'x' },
      { headers: { 'x-forwarded-for': '203.0.113.7' } },
    );
    const keys = async (db: TestApi['db']) =>
      (await db.selectFrom('rate_limit_counters').select('key').execute()).map((c) => c.key);
    expect(await keys(api.db)).toEqual(['rate:booking.create:127.0.0.1']);

    const behindProxy = await startTestApi({
      env: { TRUST_PROXY: 'loopback', BOOKING_RATE_LIMIT: '1/1m' },
    });
    try {
      const from = (address: string) =>
        trpcMutation(
          behindProxy.url,
          'booking.create',
          { serviceId: 'x' },
          { headers: { 'x-forwarded-for': address } },
        );
      expect((await from('203.0.113.7')).status).toBe(400);
      expect((await from('203.0.113.8')).status).toBe(400);
      expect((await from('203.0.113.7')).status).toBe(429);
      expect((await keys(behindProxy.db)).sort()).toEqual([
        'rate:booking.create:203.0.113.7',
        'rate:booking.create:203.0.113.8',
      ]);
      // An IPv6 client counts by its /64: another address in the same block shares the limit.
      expect((await from('2001:db8:1:2::a')).status).toBe(400);
      expect((await from('2001:db8:1:2:ffff::b')).status).toBe(429);
      expect((await from('2001:db8:1:3::a')).status).toBe(400);
      expect(
        (await keys(behindProxy.db)).filter((k) => k.includes(':/64') || k.endsWith('/64')).sort(),
      ).toEqual(['rate:booking.create:2001:db8:1:2::/64', 'rate:booking.create:2001:db8:1:3::/64']);
    } finally {
      await behindProxy.stop();
    }
  });

  it('limits sign-in attempts per address, good or bad', async () => {
    await api.db.deleteFrom('rate_limit_counters').execute();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('across the API', () => {
  it('sends security headers with every response', async () => {
    // The public catalogue reads may be kept, but only with a check each time (their ETag).
    for (const [response, cacheControl] of [
      [await fetch(`${api.url}/trpc/catalogue.clinic`), 'no-cache'],
      [await fetch(`${api.url}/trpc/catalogue.paymentMethods`), 'no-store'],
      [await fetch(`${api.url}/healthz`), 'no-store'],
      [await fetch(`${api.url}/nope`), 'no-store'],
    ] as const) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('cache-control')).toBe(cacheControl);
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const answer = await fetch(`${api.url}/trpc/admin.auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clinicpay-csrf': '1' },
      body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(200_000) }),
    });
    expect(answer.status).toBe(413);
  });

  it('never shows internals in an error', async () => {
    const answer = await trpcQuery(api.url, 'admin.auth.me', undefined, {
      cookie: `clinicpay_admin=${'A'.repeat(43)}`,
    });
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toMatch(/stack|node_modules|at .*\.ts/);
  });
});
