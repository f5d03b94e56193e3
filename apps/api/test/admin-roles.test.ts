// Who may call what, written out by hand: every procedure of the API for each role and for a
// caller with no session. The expectations are not derived from the permission table, so a change
// to that table (or a procedure naming the wrong permission) shows up here as a difference.
import { ADMIN_ROLES, type AdminRole } from '@clinicpay/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/routers/index.js';
import { startTestApi, upsertAdmin, type TestApi } from '../src/testing.js';
import { signIn, trpcMutation, trpcQuery, type HttpAnswer } from './support/admin-http.js';
import { ROLE_MATRIX, type Caller } from './support/role-matrix.js';

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHORIZED';

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));

const PASSWORD = 'a-long-role-password-42';
let api: TestApi;
const cookies = new Map<Caller, string | undefined>([['none', undefined]]);

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ADMIN_ROLES) {
    const email = `${role}@roles.test`;
    await upsertAdmin(api.db, { email, password: PASSWORD, role });
    cookies.set(role, await signIn(api.url, { email, password: PASSWORD }));
  }
});
afterAll(async () => {
  await api?.stop();
});

/**
 * Whether the call got past the session and the role. Each is called with an empty input: a
 * procedure that lets the caller in then refuses the input (400) or answers; one that does not
 * answers 401 or 403 before reading it.
 */
function outcomeOf(answer: HttpAnswer): Outcome {
  const code = answer.body.error?.data.code;
  if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') return code;
  return 'allowed';
}

describe('who may call each procedure', () => {
  it('has a written expectation for every procedure of the API, and none for one it lacks', () => {
    expect(procedures.map((p) => p.path).sort()).toEqual(Object.keys(ROLE_MATRIX).sort());
  });

  it.each([...ADMIN_ROLES, 'none'] as const)('as %s', async (caller) => {
    const cookie = cookies.get(caller);
    // Signing out last: it ends the session the other calls use.
    const ordered = [...procedures].sort(
      (a, b) => +(a.path === 'admin.auth.signOut') - +(b.path === 'admin.auth.signOut'),
    );
    const got: Record<string, Outcome> = {};
    const want: Record<string, Outcome> = {};
    for (const { path, type } of ordered) {
      const answer =
        type === 'query'
          ? await trpcQuery(api.url, path, {}, { cookie })
          : await trpcMutation(api.url, path, {}, { cookie });
      got[path] = outcomeOf(answer);
      const allowed = ROLE_MATRIX[path]?.includes(caller) ?? false;
      want[path] = allowed ? 'allowed' : caller === 'none' ? 'UNAUTHORIZED' : 'FORBIDDEN';
      if (got[path] === 'FORBIDDEN' && caller !== 'none')
        expect(answer.body.error?.message).toMatch(/^As (Owner|Manager|Front desk) you cannot /);
    }
    expect(got).toEqual(want);
  });
});

describe('within a procedure', () => {
  it('lets the front desk cancel an appointment but not refund its payment while doing so', async () => {
    const answer = await trpcMutation(
      api.url,
      'admin.appointments.cancel',
      { appointmentId: '00000000-0000-4000-8000-000000000000', refund: 'full' },
      { cookie: await signIn(api.url, { email: 'front_desk@roles.test', password: PASSWORD }) },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe(
      'As Front desk you cannot refund payments. Ask someone with the Owner or Manager role.',
    );
  });

  it('lets a manager export transactions as CSV, and not the front desk', async () => {
    const exportAs = async (role: AdminRole) => {
      const cookie = await signIn(api.url, { email: `${role}@roles.test`, password: PASSWORD });
      return fetch(`${api.url}/exports/transactions.csv?input=${encodeURIComponent('{}')}`, {
        headers: { cookie },
      });
    };
    expect((await exportAs('manager')).status).toBe(200);
    const refused = await exportAs('front_desk');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error:
        'As Front desk you cannot export transactions. Ask someone with the Owner or Manager role.',
    });
  });
});
