// Each admin's signed-in devices (browser, address, last use) and ending any of them; the audit
// log with the address of each action, failed sign-ins included, filtered and exported as CSV.
import { DEMO_ADMIN } from '@clinicpay/demo';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, upsertAdmin, type TestApi } from '../src/testing.js';
import { cookieFrom, dataOf, trpcMutation, trpcQuery } from './support/admin-http.js';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});
beforeEach(async () => {
  await api.db.deleteFrom('rate_limit_counters').execute();
});

const signInWith = async (
  userAgent: string,
  credentials: { email: string; password: string } = DEMO_ADMIN,
) =>
  cookieFrom(
    await trpcMutation(api.url, 'admin.auth.signIn', credentials, {
      headers: { 'user-agent': userAgent },
    }),
  );

interface Device {
  id: string;
  current: boolean;
  browser: string;
  ip: string | null;
}

describe('signed-in devices', () => {
  it('lists each device with its browser and address, and ends another at once', async () => {
    const laptop = await signInWith(CHROME_MAC);
    const other = await signInWith(FIREFOX_LINUX);
    const devices = dataOf<Device[]>(
      await trpcQuery(api.url, 'admin.sessions.list', undefined, { cookie: laptop }),
    );
    const mine = devices.find((d) => d.current)!;
    const firefox = devices.find((d) => d.browser === 'Firefox on Linux')!;
    expect(mine).toMatchObject({ browser: 'Chrome on macOS', ip: '127.0.0.1' });
    expect(firefox.current).toBe(false);

    const ended = await trpcMutation(
      api.url,
      'admin.sessions.end',
      { sessionId: firefox.id },
      { cookie: laptop },
    );
    expect(ended.status).toBe(200);
    expect((await trpcQuery(api.url, 'admin.auth.me', undefined, { cookie: other })).status).toBe(
      401,
    );
    expect((await trpcQuery(api.url, 'admin.auth.me', undefined, { cookie: laptop })).status).toBe(
      200,
    );
  });

  it("cannot end another admin's session", async () => {
    await upsertAdmin(api.db, {
      email: 'eve@clinic.test',
      password: 'eve-password-1234',
      role: 'manager',
    });
    const eve = await signInWith(FIREFOX_LINUX, {
      email: 'eve@clinic.test',
      password: 'eve-password-1234',
    });
    const owner = await signInWith(CHROME_MAC);
    const ownerSession = dataOf<Device[]>(
      await trpcQuery(api.url, 'admin.sessions.list', undefined, { cookie: owner }),
    ).find((d) => d.current)!;
    const refused = await trpcMutation(
      api.url,
      'admin.sessions.end',
      { sessionId: ownerSession.id },
      { cookie: eve },
    );
    expect(refused.status).toBe(400);
    expect((await trpcQuery(api.url, 'admin.auth.me', undefined, { cookie: owner })).status).toBe(
      200,
    );
  });
});

describe('the audit log', () => {
  it('records failed sign-ins with the address, filters by action, and exports every cell escaped', async () => {
    await trpcMutation(api.url, 'admin.auth.signIn', {
      email: '-cmd@evil.test',
      password: 'a wrong guess',
    });
    const owner = await signInWith(CHROME_MAC);
    const page = dataOf<{
      entries: Array<{ action: string; ip: string | null; details: Record<string, unknown> }>;
    }>(
      await trpcQuery(
        api.url,
        'admin.audit.list',
        { action: 'admin.sign_in_failed' },
        { cookie: owner },
      ),
    );
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.action === 'admin.sign_in_failed')).toBe(true);
    expect(page.entries[0]).toMatchObject({
      ip: '127.0.0.1',
      details: { email: '-cmd@evil.test' },
    });

    const input = encodeURIComponent(JSON.stringify({ action: 'admin.sign_in_failed' }));
    const csv = await fetch(`${api.url}/exports/audit.csv?input=${input}`, {
      headers: { cookie: owner },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('at,actor,action,target,ip,details');
    expect(lines.length).toBe(page.entries.length + 1);
    expect(lines[1]).toContain(',unknown,admin.sign_in_failed,,127.0.0.1,');
    // The typed address is inside the quoted details cell; no cell begins with a formula character.
    expect(lines[1]).toContain('""email"":""-cmd@evil.test""');
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });

  it('is for Owners and Managers only, also as CSV', async () => {
    await upsertAdmin(api.db, {
      email: 'desk@clinic.test',
      password: 'desk-password-1234',
      role: 'front_desk',
    });
    const desk = await signInWith(CHROME_MAC, {
      email: 'desk@clinic.test',
      password: 'desk-password-1234',
    });
    const csv = await fetch(`${api.url}/exports/audit.csv`, { headers: { cookie: desk } });
    expect(csv.status).toBe(403);
  });
});
