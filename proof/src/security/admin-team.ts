// The admin team section: admins made through the API's own invitations (one per role), a reset
// and two-factor sign-in on the way, then the role matrix over HTTP with their sessions.
import type { SeedCredentials } from '@clinicpay/demo';
import { check, type Check } from '../report.js';
import { everyAdminProcedure } from './admin-procedures.js';
import type { AnswerLog } from './http-client.js';
import { checkRoleMatrix } from './role-matrix-check.js';
import { runTeamJourney } from './team-journey.js';

export async function checkAdminTeam(options: {
  log: AnswerLog;
  url: string;
  owner: SeedCredentials['admin'];
}): Promise<{ checks: Check[]; figures: string[] }> {
  const journey = await runTeamJourney(options);
  const failed = journey.steps.filter(([, ok]) => !ok).map(([name]) => name);
  const matrix = await checkRoleMatrix({
    log: options.log,
    url: options.url,
    procedures: everyAdminProcedure(),
    cookies: journey.cookies,
  });
  return {
    checks: [
      check(
        'the team is built over HTTP: invitations accepted, a reset link used, two-factor sign-in with a recovery code and an authenticator code',
        failed.length === 0,
        failed.length === 0
          ? `${journey.steps.length} steps: ${journey.steps.map(([name]) => name).join('; ')}`
          : `failed: ${failed.join('; ')}`,
      ),
      ...matrix.checks,
    ],
    figures: matrix.figures,
  };
}
