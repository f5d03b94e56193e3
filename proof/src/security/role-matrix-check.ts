// The role matrix over HTTP, against the production processes: every admin procedure of the
// router, called with an empty input by an admin of each role and by a caller without a session,
// compared with the matrix written out in role-matrix.ts.
import type { AdminRole } from '@clinicpay/contracts';
import { check, table, type Check } from '../report.js';
import type { Procedure } from './admin-procedures.js';
import { envelope, type Answer, type AnswerLog } from './http-client.js';
import { ROLE_MATRIX, type Caller } from './role-matrix.js';
import { call } from './trpc-calls.js';

/** One address per caller, apart from every other section's. */
const FROM: Record<Caller, string> = {
  owner: '127.0.0.41',
  manager: '127.0.0.42',
  front_desk: '127.0.0.43',
  none: '127.0.0.44',
};

/**
 * Whether the call got past the session and the role: a procedure that lets the caller in then
 * refuses the empty input (400) or answers; one that does not answers 401, or 403 naming the role.
 * Any other refusal (a CSRF or re-confirmation 403) is named, and so differs from every expectation.
 */
function outcomeOf(answer: Answer): string {
  const error = envelope(answer).error;
  const code = error?.data?.code;
  if (code === 'UNAUTHORIZED') return 'UNAUTHORIZED';
  if (code === 'FORBIDDEN')
    return error?.data?.appCode === 'not_permitted' && /^As .+ you cannot /.test(error.message)
      ? 'FORBIDDEN'
      : `FORBIDDEN (${error?.data?.appCode ?? error?.message ?? 'no reason'})`;
  return 'allowed';
}

const expected = (path: string, caller: Caller) =>
  ROLE_MATRIX[path]?.includes(caller)
    ? 'allowed'
    : caller === 'none'
      ? 'UNAUTHORIZED'
      : 'FORBIDDEN';

export async function checkRoleMatrix(options: {
  log: AnswerLog;
  url: string;
  procedures: Procedure[];
  cookies: Record<AdminRole, string>;
}): Promise<{ checks: Check[]; figures: string[] }> {
  const { log, url, procedures } = options;
  const paths = procedures.map((p) => p.path);
  const unwritten = paths.filter((p) => !(p in ROLE_MATRIX));
  const gone = Object.keys(ROLE_MATRIX).filter((p) => !paths.includes(p));
  // Signing out last: it ends the session the other calls use.
  const ordered = [...procedures].sort(
    (a, b) => +(a.path === 'admin.auth.signOut') - +(b.path === 'admin.auth.signOut'),
  );
  const callers: Caller[] = ['owner', 'manager', 'front_desk', 'none'];
  const differences: string[] = [];
  const rows: Array<[string, number, number, number]> = [];
  for (const caller of callers) {
    const cookie = caller === 'none' ? undefined : options.cookies[caller];
    let allowed = 0;
    let refused = 0;
    for (const procedure of ordered) {
      const got = outcomeOf(await call(log, url, procedure, {}, { cookie, from: FROM[caller] }));
      const want = expected(procedure.path, caller);
      if (got === 'allowed') allowed += 1;
      else refused += 1;
      if (got !== want)
        differences.push(`${procedure.path} as ${caller}: ${got}, expected ${want}`);
    }
    rows.push([caller, ordered.length, allowed, refused]);
  }

  return {
    checks: [
      check(
        'the written role matrix names every admin procedure of the router, and no other',
        unwritten.length === 0 && gone.length === 0,
        `${paths.length} procedures; not written out: ${unwritten.join(', ') || 'none'}; written but gone: ${gone.join(', ') || 'none'}`,
      ),
      check(
        'every admin procedure over HTTP, as each role and without a session, is allowed or refused as written',
        differences.length === 0,
        differences.length === 0
          ? `${procedures.length} procedures × ${callers.length} callers: all as expected`
          : `${differences.length} differences: ${differences.slice(0, 8).join('; ')}${differences.length > 8 ? '; …' : ''}`,
      ),
    ],
    figures: [
      `Role matrix over HTTP: each admin invited through the API (one per role), every admin procedure called with an empty input; a refusal is 401 UNAUTHORIZED without a session and 403 FORBIDDEN naming the role with one.`,
      table(['caller', 'calls', 'allowed', 'refused'], rows),
    ],
  };
}
