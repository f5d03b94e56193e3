// 4. Security sweep: admin procedures without a session, the role matrix, secrets in answers,
// logs and the database, sign-in throttling, and response headers, against production API processes.
import { check, type Check, type PartResult, type ProofPart } from '../report.js';
import { adminProcedures } from './admin-procedures.js';
import { checkAdminTeam } from './admin-team.js';
import { freshStripeKeys } from './fresh-secrets.js';
import { checkHeaders } from './headers.js';
import { checkPagesInBrowser } from './pages-in-browser.js';
import { AnswerLog } from './http-client.js';
import { checkSecrets } from './secrets-scan.js';
import { startSecurityStack } from './security-stack.js';
import { buildSpas } from './spa-build.js';
import { checkFlood, FLOOD_ENV } from './flood.js';
import { checkThrottling, THROTTLE, throttleEnv } from './throttling.js';
import { checkUnauthorized } from './unauthorized.js';

export const securityPart: ProofPart = {
  name: 'security',
  title: '4. Security sweep',
  // The sweep is the same at both scales: it is about what holds, not how much.
  async run(): Promise<PartResult> {
    const builds = buildSpas();
    const keys = freshStripeKeys();
    const stack = await startSecurityStack({ keys, env: { ...throttleEnv(), ...FLOOD_ENV } });
    const log = new AnswerLog();
    const checks: Check[] = [
      check(
        'the built pages have no inline script (the CSP allows none)',
        builds.every((b) => b.inlineScripts === 0),
        builds.map((b) => `${b.name}: ${b.inlineScripts}`).join(', '),
      ),
    ];
    const figures: string[] = [];
    try {
      const procedures = adminProcedures();
      for (const section of [
        // First: it pays with the run's seeded keys, before the secrets section rotates them.
        () => checkPagesInBrowser(stack),
        () =>
          checkUnauthorized(
            {
              log,
              url: stack.https.url,
              databaseUrl: stack.databaseUrl,
              admin: stack.credentials.admin,
            },
            procedures,
          ),
        () => checkAdminTeam({ log, url: stack.https.url, owner: stack.credentials.admin }),
        () => checkHeaders(stack, log),
        () =>
          checkThrottling({
            log,
            url: stack.https.url,
            databaseUrl: stack.databaseUrl,
            admin: stack.credentials.admin,
          }),
        () => checkFlood({ log, stack }),
        // Last: it scans every answer the sections above received, and the logs they caused.
        () => checkSecrets({ stack, log, keys, procedures }),
      ]) {
        const result = await section();
        checks.push(...result.checks);
        figures.push(...result.figures);
      }
    } finally {
      await stack.stop();
    }
    return {
      checks,
      figures,
      setup:
        `Two production API processes (\`tsx src/main.ts\`, NODE_ENV=production) on a throwaway PostgreSQL cluster, one with an https PUBLIC_URL, one on plain http, ` +
        `serving the SPAs built for the run (${builds.map((b) => `${b.name} ${b.seconds.toFixed(1)} s`).join(', ')}); the Stripe emulator with keys made for the run; ` +
        `sign-in limits ${THROTTLE.perAccount}/${THROTTLE.perAddress}/${THROTTLE.attempts} per ${THROTTLE.windowSeconds} s; ` +
        `TRUST_PROXY=loopback so the flood section names its clients' addresses (X-Forwarded-For).`,
    };
  },
};
