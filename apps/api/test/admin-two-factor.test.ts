// Two-factor sign-in (TOTP, RFC 6238) and the re-confirmation of risky actions: enrolment with a
// first code, ten single-use recovery codes stored hashed, the secret stored sealed, codes that
// work once, wrong codes throttled like passwords, an Owner's rule that everyone uses it, and the
// password (or a code) asked again for keys, admins and refunds after ten minutes.
import { DEMO_ADMIN } from '@clinicpay/demo';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.js';
import { totpCodeAt } from '../src/services/two-factor/totp.js';
import { startTestApi, upsertAdmin, type TestApi } from '../src/testing.js';
import {
  cookieFrom,
  dataOf,
  signIn,
  trpcMutation,
  trpcQuery,
  type HttpAnswer,
} from './support/admin-http.js';

const clock = createManualClock(new Date('2026-12-01T09:00:00Z'));
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ clock });
});
afterAll(async () => {
  await api?.stop();
});
beforeEach(async () => {
  await api.db.deleteFrom('rate_limit_counters').execute();
  await api.db.updateTable('clinics').set({ admin_two_factor_required: false }).execute();
  await api.db
    .updateTable('admin_users')
    .set({
      totp_secret_encrypted: null,
      totp_pending_encrypted: null,
      totp_enabled_at: null,
      totp_last_step: null,
    })
    .execute();
});

const appCodeOf = (answer: HttpAnswer) => answer.body.error?.data.appCode ?? null;
const MANAGER = { email: 'mona@clinic.test', password: 'mona-password-123' };

/** Turns two-factor sign-in on for whoever holds the cookie; the secret and recovery codes. */
async function enrol(cookie: string) {
  const started = dataOf<{ secret: string; uri: string }>(
    await trpcMutation(api.url, 'admin.twoFactor.start', undefined, { cookie }),
  );
  const confirmed = await trpcMutation(
    api.url,
    'admin.twoFactor.confirm',
    { code: totpCodeAt(started.secret, clock.now()) },
    { cookie },
  );
  return { ...started, ...dataOf<{ recoveryCodes: string[] }>(confirmed) };
}

const signInWith = (credentials: { email: string; password: string; code?: string }) =>
  trpcMutation(api.url, 'admin.auth.signIn', credentials);

describe('enrolment', () => {
  it('needs a first good code, then gives ten recovery codes once; secret and codes are not stored in clear', async () => {
    const cookie = await signIn(api.url);
    const started = dataOf<{ secret: string; uri: string }>(
      await trpcMutation(api.url, 'admin.twoFactor.start', undefined, { cookie }),
    );
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]{32}/);

    const wrong = await trpcMutation(
      api.url,
      'admin.twoFactor.confirm',
      { code: '000000' === totpCodeAt(started.secret, clock.now()) ? '111111' : '000000' },
      { cookie },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.message).toMatch(/does not match/);

    const confirmed = await trpcMutation(
      api.url,
      'admin.twoFactor.confirm',
      { code: totpCodeAt(started.secret, clock.now()) },
      { cookie },
    );
    const { recoveryCodes } = dataOf<{ recoveryCodes: string[] }>(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const status = dataOf<{ enabled: boolean; recoveryCodesLeft: number }>(
      await trpcQuery(api.url, 'admin.twoFactor.status', undefined, { cookie }),
    );
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    const dump = JSON.stringify([
      await api.db.selectFrom('admin_users').selectAll().execute(),
      await api.db.selectFrom('admin_recovery_codes').selectAll().execute(),
    ]);
    expect(dump).not.toContain(started.secret);
    for (const code of recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace('-', ''));
    }
  });

  it('cannot start again while it is on, and turns off only after re-confirmation', async () => {
    const cookie = await signIn(api.url);
    await enrol(cookie);
    const again = await trpcMutation(api.url, 'admin.twoFactor.start', undefined, { cookie });
    expect(again.status).toBe(409);
    clock.advance(11 * 60_000);
    const stale = await trpcMutation(api.url, 'admin.twoFactor.turnOff', undefined, { cookie });
    expect(appCodeOf(stale)).toBe('reconfirm_needed');
    await trpcMutation(api.url, 'admin.auth.reconfirm', DEMO_ADMIN_PASSWORD, { cookie });
    const off = await trpcMutation(api.url, 'admin.twoFactor.turnOff', undefined, { cookie });
    expect(dataOf(off)).toEqual({ enabled: false });
    expect(dataOf(await signInWith(DEMO_ADMIN))).toMatchObject({
      admin: { email: DEMO_ADMIN.email },
    });
  });
});

const DEMO_ADMIN_PASSWORD = { password: DEMO_ADMIN.password };

describe('signing in with a second factor', () => {
  it('asks for the code after a right password, takes each TOTP code and recovery code once', async () => {
    const { secret, recoveryCodes } = await enrol(await signIn(api.url));
    clock.advance(30_000);

    const passwordOnly = await signInWith(DEMO_ADMIN);
    expect(passwordOnly.status).toBe(401);
    expect(appCodeOf(passwordOnly)).toBe('two_factor_needed');
    expect(passwordOnly.headers.getSetCookie()).toEqual([]);

    const code = totpCodeAt(secret, clock.now());
    const withCode = await signInWith({ ...DEMO_ADMIN, code });
    expect(dataOf(withCode)).toMatchObject({ admin: { twoFactor: { enabled: true } } });
    expect(cookieFrom(withCode)).toMatch(/=/);
    // Seen over a shoulder and typed again within its 30 seconds: refused.
    const replayed = await signInWith({ ...DEMO_ADMIN, code });
    expect(appCodeOf(replayed)).toBe('sign_in_failed');

    const recovery = recoveryCodes[3]!;
    const withRecovery = await signInWith({ ...DEMO_ADMIN, code: recovery.toUpperCase() });
    expect(dataOf(withRecovery)).toMatchObject({ admin: { email: DEMO_ADMIN.email } });
    const reused = await signInWith({ ...DEMO_ADMIN, code: recovery });
    expect(appCodeOf(reused)).toBe('sign_in_failed');
    const status = dataOf<{ recoveryCodesLeft: number }>(
      await trpcQuery(api.url, 'admin.twoFactor.status', undefined, {
        cookie: cookieFrom(withRecovery),
      }),
    );
    expect(status.recoveryCodesLeft).toBe(9);

    const audit = await api.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['admin.signed_in', 'admin.sign_in_failed'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['admin.sign_in_failed', 'admin.signed_in']);
    expect(audit[1]!.details).toMatchObject({ secondFactor: 'recovery' });
  });

  it('throttles wrong codes like wrong passwords: past the limit even the right code is refused', async () => {
    const { secret } = await enrol(await signIn(api.url));
    clock.advance(30_000);
    const limit = api.config.security.rateLimits.signInFailuresPerAccount.limit;
    const answers = [];
    for (let i = 0; i < limit; i++)
      answers.push(await signInWith({ ...DEMO_ADMIN, code: '12345x'.replace('x', String(i)) }));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const right = await signInWith({ ...DEMO_ADMIN, code: totpCodeAt(secret, clock.now()) });
    expect(right.status).toBe(429);
    expect(appCodeOf(right)).toBe('rate_limited');
  });
});

describe('re-confirmation', () => {
  it('asks for the password again for admins, keys and refunds ten minutes after it was typed', async () => {
    const cookie = await signIn(api.url);
    const refund = () =>
      trpcMutation(
        api.url,
        'admin.transactions.refund',
        {
          paymentId: '00000000-0000-4000-8000-000000000000',
          amount: 100,
          idempotencyKey: 'reconfirm-test',
        },
        { cookie },
      );
    const invite = () =>
      trpcMutation(
        api.url,
        'admin.team.invite',
        { email: `x${Date.now()}@clinic.test`, role: 'manager' },
        { cookie },
      );
    // Fresh from signing in: the refund goes through to its own check.
    expect(appCodeOf(await refund())).toBe('payment_not_found');

    clock.advance(10 * 60_000 + 1_000);
    for (const answer of [await refund(), await invite()]) {
      expect(answer.status).toBe(403);
      expect(appCodeOf(answer)).toBe('reconfirm_needed');
      expect(answer.body.error?.message).toMatch(/enter your password/);
    }
    // Reading is never re-confirmed.
    expect((await trpcQuery(api.url, 'admin.team.list', undefined, { cookie })).status).toBe(200);

    const wrong = await trpcMutation(
      api.url,
      'admin.auth.reconfirm',
      { password: 'nope' },
      { cookie },
    );
    expect(wrong.status).toBe(400);
    expect(appCodeOf(await invite())).toBe('reconfirm_needed');

    const right = await trpcMutation(api.url, 'admin.auth.reconfirm', DEMO_ADMIN_PASSWORD, {
      cookie,
    });
    expect(dataOf<{ confirmedUntil: string }>(right).confirmedUntil).toBe(
      new Date(clock.now().getTime() + 10 * 60_000).toISOString(),
    );
    expect(dataOf<{ invitationId: string }>(await invite()).invitationId).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(appCodeOf(await refund())).toBe('payment_not_found');
  });

  it('takes a TOTP code instead of the password', async () => {
    const cookie = await signIn(api.url);
    const { secret } = await enrol(cookie);
    clock.advance(11 * 60_000);
    const confirmed = await trpcMutation(
      api.url,
      'admin.auth.reconfirm',
      { code: totpCodeAt(secret, clock.now()) },
      { cookie },
    );
    expect(confirmed.status).toBe(200);
  });
});

describe('required for everyone', () => {
  it('an Owner turns it on only with it on themselves; an admin without it can only set it up', async () => {
    await upsertAdmin(api.db, { ...MANAGER, name: 'Mona', role: 'manager', onlyIfMissing: true });
    const owner = await signIn(api.url);
    const refused = await trpcMutation(
      api.url,
      'admin.twoFactor.setRequired',
      { required: true },
      { cookie: owner },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/for yourself first/);
    await enrol(owner);
    expect(
      dataOf(
        await trpcMutation(
          api.url,
          'admin.twoFactor.setRequired',
          { required: true },
          { cookie: owner },
        ),
      ),
    ).toEqual({ required: true });

    const manager = await signIn(api.url, MANAGER);
    const me = dataOf<{ admin: { twoFactor: { setupNeeded: boolean } } }>(
      await trpcQuery(api.url, 'admin.auth.me', undefined, { cookie: manager }),
    );
    expect(me.admin.twoFactor.setupNeeded).toBe(true);
    const blocked = await trpcQuery(api.url, 'admin.transactions.list', {}, { cookie: manager });
    expect(blocked.status).toBe(403);
    expect(appCodeOf(blocked)).toBe('two_factor_setup_needed');

    await enrol(manager);
    expect(
      (await trpcQuery(api.url, 'admin.transactions.list', {}, { cookie: manager })).status,
    ).toBe(200);
    const turnOff = await trpcMutation(api.url, 'admin.twoFactor.turnOff', undefined, {
      cookie: manager,
    });
    expect(turnOff.status).toBe(409);
    expect(turnOff.body.error?.message).toMatch(/requires two-factor/);
  });

  it('only an Owner sets the rule', async () => {
    await upsertAdmin(api.db, { ...MANAGER, name: 'Mona', role: 'manager', onlyIfMissing: true });
    const manager = await signIn(api.url, MANAGER);
    const answer = await trpcMutation(
      api.url,
      'admin.twoFactor.setRequired',
      { required: true },
      { cookie: manager },
    );
    expect(appCodeOf(answer)).toBe('not_permitted');
  });
});
