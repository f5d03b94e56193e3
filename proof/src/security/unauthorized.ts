// Every admin procedure, over HTTP to a production process, refused to callers without a valid
// session (and mutations refused without the CSRF header even with one).
import { randomBytes } from 'node:crypto';
import { check, table, type Check } from '../report.js';
import type { Procedure } from './admin-procedures.js';
import {
  adminIdByEmail,
  cloneAdmin,
  insertSession,
  newSessionToken,
  withDatabase,
} from './database.js';
import { envelope, type AnswerLog } from './http-client.js';
import { call, sessionCookieOf, trpcMutation, trpcQuery } from './trpc-calls.js';
import type { SeedCredentials } from '@clinicpay/demo';

const COOKIE = '__Host-clinicpay_admin';

interface Target {
  log: AnswerLog;
  /** The admin the run's database was seeded with. */
  admin: SeedCredentials['admin'];
  /** The https replica (its cookie is `__Host-clinicpay_admin`). */
  url: string;
  databaseUrl: string;
}

export async function signInAsAdmin(
  log: AnswerLog,
  url: string,
  admin: SeedCredentials['admin'],
  from?: string,
): Promise<string> {
  const answer = await trpcMutation(
    log,
    url,
    'admin.auth.signIn',
    { email: admin.email, password: admin.password },
    from ? { from } : {},
  );
  return sessionCookieOf(answer);
}

/** The cookies a caller may hold that must open nothing, each with how it was made. */
async function refusedCookies(target: Target): Promise<Array<[string, string | undefined]>> {
  const signedOut = await signInAsAdmin(target.log, target.url, target.admin);
  await trpcMutation(target.log, target.url, 'admin.auth.signOut', {}, { cookie: signedOut });
  const valid = await signInAsAdmin(target.log, target.url, target.admin);
  const expired = newSessionToken();
  const ofRemovedAdmin = newSessionToken();
  await withDatabase(target.databaseUrl, async (db) => {
    await insertSession(
      db,
      await adminIdByEmail(db, target.admin.email),
      expired.hash,
      new Date(Date.now() - 60_000),
    );
    const removed = await cloneAdmin(
      db,
      target.admin.email,
      `removed-${randomBytes(4).toString('hex')}@proof.example`,
    );
    await insertSession(db, removed, ofRemovedAdmin.hash, new Date(Date.now() + 3_600_000));
    await db.query('DELETE FROM admin_users WHERE id = $1', [removed]);
  });
  return [
    ['no cookie', undefined],
    ['a forged token', `${COOKIE}=${randomBytes(32).toString('base64url')}`],
    ['a malformed cookie', `${COOKIE}=%00garbage; other=1`],
    ['a signed-out session', signedOut],
    ['an expired session', `${COOKIE}=${expired.token}`],
    ["a removed admin's session", `${COOKIE}=${ofRemovedAdmin.token}`],
    // A valid token under the plain name, as a sibling subdomain could plant it: only __Host- counts.
    ['a valid token under another cookie name', `clinicpay_admin=${valid.split('=')[1]}`],
  ];
}

export async function checkUnauthorized(
  target: Target,
  procedures: Procedure[],
): Promise<{ checks: Check[]; figures: string[] }> {
  const rows: Array<[string, number, number]> = [];
  const wrong: string[] = [];
  for (const [name, cookie] of await refusedCookies(target)) {
    let refused = 0;
    for (const procedure of procedures) {
      const answer = await call(target.log, target.url, procedure, {}, { cookie });
      const body = envelope(answer);
      if (
        answer.status === 401 &&
        body.error?.data?.code === 'UNAUTHORIZED' &&
        body.result === undefined
      )
        refused += 1;
      else
        wrong.push(
          `${procedure.path} with ${name}: ${answer.status} ${body.error?.data?.code ?? 'no error'}`,
        );
    }
    rows.push([name, procedures.length, refused]);
  }

  // The refusals above are about the session: the same calls with a good one get through.
  const cookie = await signInAsAdmin(target.log, target.url, target.admin);
  const me = await trpcQuery(target.log, target.url, 'admin.auth.me', undefined, { cookie });

  const mutations = procedures.filter((p) => p.type === 'mutation');
  const csrfWrong: string[] = [];
  const forgeries: Array<[string, { csrf: boolean; headers?: Record<string, string> }]> = [
    ['no CSRF header', { csrf: false }],
    [
      'a cross-site call without Origin',
      { csrf: true, headers: { 'sec-fetch-site': 'cross-site' } },
    ],
    ['another Origin', { csrf: true, headers: { origin: 'https://attacker.example' } }],
  ];
  for (const [name, options] of forgeries) {
    let refused = 0;
    for (const procedure of mutations) {
      const answer = await call(target.log, target.url, procedure, {}, { cookie, ...options });
      if (answer.status === 403 && envelope(answer).result === undefined) refused += 1;
      else csrfWrong.push(`${procedure.path} with ${name}: ${answer.status}`);
    }
    rows.push([`a valid session, mutation with ${name}`, mutations.length, refused]);
  }

  const calls = rows.reduce((sum, [, n]) => sum + n, 0);
  return {
    checks: [
      check(
        'the router has admin procedures to check',
        procedures.length > 0,
        `${procedures.length} admin procedures, ${mutations.length} mutations`,
      ),
      check(
        'every admin procedure answers 401 UNAUTHORIZED without a valid session',
        wrong.length === 0,
        wrong.length === 0
          ? `${procedures.length} procedures × 7 kinds of cookie`
          : wrong.slice(0, 5).join('; '),
      ),
      check(
        'a valid session is accepted (the refusals are about the session)',
        me.status === 200,
        `admin.auth.me: ${me.status}`,
      ),
      check(
        'every admin mutation with a valid session but a forged-looking request answers 403',
        csrfWrong.length === 0,
        csrfWrong.length === 0
          ? `${mutations.length} mutations × 3 forgeries`
          : csrfWrong.slice(0, 5).join('; '),
      ),
    ],
    figures: [
      `Admin procedures found by walking the router: **${procedures.length}** (${mutations.length} mutations); ${calls} refused calls over HTTP.`,
      table(['caller', 'calls', 'refused'], rows),
    ],
  };
}
