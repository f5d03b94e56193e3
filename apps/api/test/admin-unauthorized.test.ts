// Every admin procedure, found by walking the router (so a new one is covered without anyone
// remembering), refuses a caller with no session, an expired one, and a forged cookie.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.js';
import { appRouter } from '../src/routers/index.js';
import { hashSessionToken } from '../src/security/admin-sessions.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { signIn, trpcMutation, trpcQuery } from './support/admin-http.js';

/**
 * The only admin procedures a signed-out browser may call: signing in and out, and the pages a
 * single-use link opens (an invitation, a password reset) or asks for one.
 */
const PUBLIC = new Set([
  'admin.auth.signIn',
  'admin.auth.signOut',
  'admin.auth.invitation',
  'admin.auth.acceptInvitation',
  'admin.auth.requestPasswordReset',
  'admin.auth.resetPassword',
]);

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: 'query' | 'mutation' | 'subscription' } }
  >,
)
  .filter(([path]) => path.startsWith('admin.') && !PUBLIC.has(path))
  .map(([path, procedure]) => ({ path, type: procedure._def.type }));

const clock = createManualClock(new Date('2026-12-01T10:00:00Z'));
let api: TestApi;
let adminId: string;
beforeAll(async () => {
  api = await startTestApi({ clock });
  adminId = (await api.db.selectFrom('admin_users').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await api?.stop();
});

const call = (path: string, type: string, cookie?: string) =>
  type === 'query'
    ? trpcQuery(api.url, path, {}, { cookie })
    : trpcMutation(api.url, path, {}, { cookie });

async function expiredSessionCookie(kind: 'idle' | 'absolute'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now().getTime();
  await api.db
    .insertInto('admin_sessions')
    .values({
      token_hash: hashSessionToken(token),
      admin_user_id: adminId,
      created_at: new Date(now - 13 * 3_600_000),
      last_seen_at: new Date(kind === 'idle' ? now - 31 * 60_000 : now - 60_000),
      expires_at: new Date(kind === 'idle' ? now + 3_600_000 : now - 1000),
    })
    .execute();
  return `clinicpay_admin=${token}`;
}

describe('admin procedures without a valid session', () => {
  it('finds the admin procedures by walking the router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(3);
    expect(procedures.map((p) => p.path)).toContain('admin.stripeSettings.save');
  });

  it.each([
    ['no cookie', () => Promise.resolve(undefined)],
    ['an idle-expired session', () => expiredSessionCookie('idle')],
    ['a session past its absolute end', () => expiredSessionCookie('absolute')],
    [
      'a forged cookie',
      () => Promise.resolve(`clinicpay_admin=${randomBytes(32).toString('base64url')}`),
    ],
    ['a malformed cookie', () => Promise.resolve('clinicpay_admin=%00garbage; other=1')],
  ])('every one answers UNAUTHORIZED with %s, and nothing else', async (_name, cookieFor) => {
    for (const { path, type } of procedures) {
      const answer = await call(path, type, await cookieFor());
      expect({ path, status: answer.status, code: answer.body.error?.data.code }).toEqual({
        path,
        status: 401,
        code: 'UNAUTHORIZED',
      });
      expect(answer.body.result).toBeUndefined();
    }
  });

  it('a valid session gets past the check (the refusals above are about the session)', async () => {
    const cookie = await signIn(api.url);
    const answer = await trpcQuery(api.url, 'admin.auth.me', undefined, { cookie });
    expect(answer.status).toBe(200);
  });
});
