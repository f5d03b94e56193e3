// The admin team as a clinic builds it, over HTTP: the seeded Owner invites one admin per role
// (e-mail is off, so each link is shown once), each accepts; the Owner issues a password reset
// for the front desk, who uses it; the manager turns two-factor sign-in on and signs in with a
// recovery code and with an authenticator code. Every token, secret and code this issues goes
// through one-time displays only, which the secrets scan harvests from the answer log.
import { ADMIN_ROLES, type AdminRole } from '@clinicpay/contracts';
import { totpCodeAt } from '@clinicpay/api/testing';
import type { SeedCredentials } from '@clinicpay/demo';
import { dataOf, envelope, type AnswerLog } from './http-client.js';
import { sessionCookieOf, trpcMutation, trpcQuery } from './trpc-calls.js';
import { signInAsAdmin } from './unauthorized.js';

/** Client addresses of their own: these sign-ins stay clear of the throttling section's, and
 * under the run's attempts-per-address limit. */
const FROM = '127.0.0.31';
const FROM_TWO_FACTOR = '127.0.0.32';
const PASSWORD = 'a-long-team-password-of-the-proof-42';
const NEW_PASSWORD = 'a-new-team-password-after-reset-42';

export interface TeamJourney {
  /** A session of the admin invited with each role (the manager's opened with a TOTP code). */
  cookies: Record<AdminRole, string>;
  emails: Record<AdminRole, string>;
  /** Each step that had to work, with whether it did. */
  steps: Array<[string, boolean]>;
}

type Mutation = (
  path: string,
  input: unknown,
  cookie?: string,
  from?: string,
) => ReturnType<typeof trpcMutation>;

export async function runTeamJourney(options: {
  log: AnswerLog;
  url: string;
  owner: SeedCredentials['admin'];
}): Promise<TeamJourney> {
  const { log, url } = options;
  const steps: Array<[string, boolean]> = [];
  const mutation: Mutation = (path, input, cookie, from = FROM) =>
    trpcMutation(log, url, path, input, { cookie, from });
  const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

  const owner = await signInAsAdmin(log, url, options.owner, FROM);
  const emails = Object.fromEntries(
    ADMIN_ROLES.map((role) => [role, `${role.replace('_', '-')}@team.proof.example`]),
  ) as Record<AdminRole, string>;
  const cookies = {} as Record<AdminRole, string>;
  for (const role of ADMIN_ROLES) {
    const invited = dataOf<{ link: string | null }>(
      await mutation('admin.team.invite', { email: emails[role], role }, owner),
    );
    const token = tokenOf(invited.link ?? '');
    // The invitation page reads the token from its address, as the SPA does (a GET with ?input=).
    const page = await trpcQuery(log, url, 'admin.auth.invitation', { token }, { from: FROM });
    steps.push([
      `invitation page for ${role}`,
      dataOf<{ role: string }>(page).role === role && invited.link !== null,
    ]);
    const accepted = await mutation('admin.auth.acceptInvitation', {
      token,
      name: `Proof ${role}`,
      password: PASSWORD,
    });
    cookies[role] = sessionCookieOf(accepted);
    steps.push([`${role} accepted the invitation`, accepted.status === 200]);
  }

  // A reset link the Owner issues (e-mail off: shown once), used by the front desk.
  const team = dataOf<{ admins: Array<{ id: string; email: string }> }>(
    await trpcQuery(log, url, 'admin.team.list', undefined, { cookie: owner, from: FROM }),
  );
  const frontDeskId = team.admins.find((a) => a.email === emails.front_desk)?.id ?? '';
  const reset = dataOf<{ link: string | null }>(
    await mutation('admin.team.issuePasswordReset', { adminId: frontDeskId }, owner),
  );
  const resetDone = await mutation('admin.auth.resetPassword', {
    token: tokenOf(reset.link ?? ''),
    password: NEW_PASSWORD,
  });
  cookies.front_desk = sessionCookieOf(resetDone);
  steps.push([
    'the front desk chose a new password through the reset link',
    resetDone.status === 200,
  ]);
  // "Forgot password?": the same answer whoever asks (with e-mail off no link is made).
  const forgot = await mutation('admin.auth.requestPasswordReset', { email: emails.manager });
  steps.push(['"Forgot password?" answered', forgot.status === 200]);

  cookies.manager = await enrolAndSignIn(mutation, cookies.manager, emails.manager, steps);
  return { cookies, emails, steps };
}

/** Two-factor sign-in for one admin: enrol, renew the codes, then sign in with each kind of code. */
async function enrolAndSignIn(
  mutation: Mutation,
  cookie: string,
  email: string,
  steps: Array<[string, boolean]>,
): Promise<string> {
  const { secret } = dataOf<{ secret: string }>(
    await mutation('admin.twoFactor.start', {}, cookie),
  );
  const confirmed = await mutation(
    'admin.twoFactor.confirm',
    { code: totpCodeAt(secret, new Date()) },
    cookie,
  );
  steps.push(['the manager turned two-factor sign-in on', confirmed.status === 200]);
  const { recoveryCodes } = dataOf<{ recoveryCodes: string[] }>(
    await mutation('admin.twoFactor.renewRecoveryCodes', {}, cookie),
  );

  const signIn = (code?: string) =>
    mutation('admin.auth.signIn', { email, password: PASSWORD, code }, undefined, FROM_TWO_FACTOR);
  const passwordOnly = await signIn();
  steps.push([
    'the password alone asks for a code',
    envelope(passwordOnly).error?.data?.appCode === 'two_factor_needed',
  ]);
  const withRecovery = await signIn(recoveryCodes[0]);
  steps.push(['signed in with a recovery code', withRecovery.status === 200]);
  // The next step's code: the step of the confirmation's code is accepted once only.
  const withTotp = await signIn(totpCodeAt(secret, new Date(Date.now() + 30_000)));
  steps.push(['signed in with an authenticator code', withTotp.status === 200]);
  return sessionCookieOf(withTotp);
}
