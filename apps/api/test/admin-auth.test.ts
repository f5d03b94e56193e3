import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.js';
import { DEMO_ADMIN } from '@clinicpay/demo';
import { startTestApi, type TestApi } from '../src/testing.js';
import { cookieFrom, signIn, trpcMutation, trpcQuery } from './support/admin-http.js';

const clock = createManualClock(new Date('2026-12-01T10:00:00Z'));
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    clock,
    env: {
      SIGN_IN_FAILURES_PER_ACCOUNT: '3/15m',
      SIGN_IN_FAILURES_PER_ADDRESS: '6/15m',
      ADMIN_SESSION_IDLE_MINUTES: '30',
      ADMIN_SESSION_MAX_HOURS: '12',
    },
  });
});
afterAll(async () => {
  await api?.stop();
});
beforeEach(async () => {
  await api.db.deleteFrom('rate_limit_counters').execute();
});

const twoWrongPasswords = async () => {
  for (let i = 0; i < 2; i++)
    await trpcMutation(api.url, 'admin.auth.signIn', {
      email: DEMO_ADMIN.email,
      password: 'wrong',
    });
};
const me = (cookie?: string) => trpcQuery(api.url, 'admin.auth.me', undefined, { cookie });

describe('admin sign-in', () => {
  it('signs in with email and password: an HttpOnly, SameSite=Strict session cookie, stored only as a hash', async () => {
    const answer = await trpcMutation(api.url, 'admin.auth.signIn', {
      email: ' Admin@Clinicpay.TEST ',
      password: DEMO_ADMIN.password,
    });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(
      /^clinicpay_admin=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect(answer.body.result?.data).toMatchObject({
      admin: { email: DEMO_ADMIN.email, name: DEMO_ADMIN.name },
      idleMinutes: 30,
    });

    const cookie = cookieFrom(answer);
    expect((await me(cookie)).body.result?.data).toMatchObject({
      admin: { email: DEMO_ADMIN.email },
    });
    const token = cookie.split('=')[1]!;
    const stored = await api.db.selectFrom('admin_sessions').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password or an unknown email with the same sentence, and sets no cookie', async () => {
    for (const credentials of [
      { email: DEMO_ADMIN.email, password: 'not the password' },
      { email: 'nobody@clinicpay.test', password: DEMO_ADMIN.password },
    ]) {
      const answer = await trpcMutation(api.url, 'admin.auth.signIn', credentials);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.message).toBe(
        'That email and password do not match an admin account. Check both and try again.',
      );
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });

  it('reports bad input on its field', async () => {
    const answer = await trpcMutation(api.url, 'admin.auth.signIn', {
      email: 'not-an-email',
      password: '',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.data.fieldErrors).toEqual([
      {
        path: 'email',
        message: 'Enter the email address you sign in with, like name@example.com.',
      },
      { path: 'password', message: 'Enter your password.' },
    ]);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const cookie = await signIn(api.url);
    const out = await trpcMutation(api.url, 'admin.auth.signOut', undefined, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^clinicpay_admin=; .*Max-Age=0/);
    const after = await me(cookie);
    expect(after.status).toBe(401);
    expect(after.body.error?.message).toBe('Please sign in to continue.');
  });

  it('ends a session idle for longer than the idle limit', async () => {
    const cookie = await signIn(api.url);
    clock.advance(29 * 60_000);
    expect((await me(cookie)).status).toBe(200);
    clock.advance(29 * 60_000);
    expect((await me(cookie)).status).toBe(200);
    clock.advance(31 * 60_000);
    const expired = await me(cookie);
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toBe('Your session has ended. Please sign in again.');
    expect(expired.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const cookie = await signIn(api.url);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect((await me(cookie)).status).toBe(200);
    }
    clock.advance(25 * 60_000);
    expect((await me(cookie)).status).toBe(401);
  });
});

describe('sign-in throttling, counted in PostgreSQL', () => {
  it('locks an account after repeated failures, even for the right password, until the window ends', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await trpcMutation(api.url, 'admin.auth.signIn', {
            email: DEMO_ADMIN.email,
            password: `wrong ${i}`,
          })
        ).status,
      ).toBe(401);
    }
    const locked = await trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.message).toMatch(
      /^Too many failed sign-ins for this account\. Try again in \d+ (minutes|seconds)/,
    );
    // Clients and proxies learn when to ask again without parsing the sentence.
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const counters = await api.db
      .selectFrom('rate_limit_counters')
      .select(['key', 'count'])
      .execute();
    expect(counters.map((c) => c.key).join(' ')).not.toContain('admin@');
    clock.advance(15 * 60_000);
    expect((await trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN)).status).toBe(200);
  });

  it('throttles an address that tries many accounts', async () => {
    for (let i = 0; i < 6; i++) {
      expect(
        (
          await trpcMutation(api.url, 'admin.auth.signIn', {
            email: `guess${i}@clinicpay.test`,
            password: 'guess',
          })
        ).status,
      ).toBe(401);
    }
    const refused = await trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toMatch(/^Too many failed sign-ins from your network\./);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('checks at most the limit of 20 wrong passwords guessed at once for one account', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        trpcMutation(api.url, 'admin.auth.signIn', {
          email: DEMO_ADMIN.email,
          password: `parallel guess ${i}`,
        }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    // A 401 is a password that was checked; a 429 was refused before the check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  });

  it('a good sign-in clears the account failures', async () => {
    await twoWrongPasswords();
    expect((await trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN)).status).toBe(200);
    await twoWrongPasswords();
    expect((await trpcMutation(api.url, 'admin.auth.signIn', DEMO_ADMIN)).status).toBe(200);
  });
});

describe('the session cookie under https', () => {
  let secure: TestApi;
  beforeAll(async () => {
    secure = await startTestApi({ env: { PUBLIC_URL: 'https://clinic.example.com' } });
  });
  afterAll(async () => {
    await secure?.stop();
  });

  it('is Secure with the __Host- prefix, and HSTS is announced', async () => {
    const answer = await trpcMutation(secure.url, 'admin.auth.signIn', DEMO_ADMIN, {
      headers: { origin: 'https://clinic.example.com' },
    });
    expect(answer.headers.getSetCookie()[0]).toMatch(
      /^__Host-clinicpay_admin=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    );
    expect(answer.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const cookie = cookieFrom(answer);
    expect((await trpcQuery(secure.url, 'admin.auth.me', undefined, { cookie })).status).toBe(200);
    // The plain-http cookie name means nothing there.
    expect(
      (
        await trpcQuery(secure.url, 'admin.auth.me', undefined, {
          cookie: cookie.replace('__Host-', ''),
        })
      ).status,
    ).toBe(401);
  });
});
