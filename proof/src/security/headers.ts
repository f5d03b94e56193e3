// Response headers of pages, a tRPC answer and the webhook route, from the https-configured
// process (HSTS expected) and the plain-http one (HSTS must be absent).
import { check, table, type Check } from '../report.js';
import { send, type Answer, type AnswerLog } from './http-client.js';
import type { SecurityStack } from './security-stack.js';

interface Probe {
  name: string;
  page: boolean;
  fetch: (log: AnswerLog, base: string) => Promise<Answer>;
}

const PROBES: Probe[] = [
  { name: 'GET / (patient page)', page: true, fetch: (log, base) => send(log, 'GET', `${base}/`) },
  {
    name: 'GET /admin/ (admin page)',
    page: true,
    fetch: (log, base) => send(log, 'GET', `${base}/admin/`),
  },
  {
    name: 'GET /admin/transactions (SPA fallback)',
    page: true,
    fetch: (log, base) => send(log, 'GET', `${base}/admin/transactions`),
  },
  {
    name: 'GET /trpc/catalogue.services',
    page: false,
    fetch: (log, base) => send(log, 'GET', `${base}/trpc/catalogue.services`),
  },
  {
    name: 'POST /webhooks/stripe (bad signature)',
    page: false,
    fetch: (log, base) =>
      send(log, 'POST', `${base}/webhooks/stripe`, '{"id":"evt_forged"}', {
        headers: { 'stripe-signature': 't=1,v1=00' },
      }),
  },
  {
    name: 'GET /no-such-file.js (404)',
    page: false,
    fetch: (log, base) => send(log, 'GET', `${base}/no-such-file.js`),
  },
];

const header = (a: Answer, name: string) => [a.headers[name] ?? []].flat().join(', ');
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

/** What is wrong with one answer's headers, as short phrases (none: all good). */
function problemsOf(
  answer: Answer,
  probe: Probe,
  expectHsts: boolean,
  expectPage: boolean,
): string[] {
  const problems: string[] = [];
  const csp = header(answer, 'content-security-policy');
  if (!csp) problems.push('no CSP');
  if (!/frame-ancestors 'none'/.test(csp)) problems.push("no frame-ancestors 'none'");
  if (expectPage) {
    if (answer.status !== 200 || !header(answer, 'content-type').startsWith('text/html'))
      problems.push(`not a page (${answer.status})`);
    const scripts = directive(csp, 'script-src');
    if (!scripts.includes("'self'") || /unsafe-inline|unsafe-eval|\*(?!\.)|data:/.test(scripts))
      problems.push(`script-src is "${scripts}"`);
    for (const rule of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      if (!csp.includes(rule)) problems.push(`no ${rule}`);
    }
  } else if (!/default-src 'none'/.test(csp)) {
    problems.push(`API answer CSP is "${csp}"`);
  }
  if (answer.headers['x-powered-by'] !== undefined)
    problems.push(`x-powered-by: ${header(answer, 'x-powered-by')}`);
  if (/fastify|node|express/i.test(header(answer, 'server')))
    problems.push(`server: ${header(answer, 'server')}`);
  if (header(answer, 'x-content-type-options') !== 'nosniff') problems.push('no nosniff');
  const hsts = header(answer, 'strict-transport-security');
  if (expectHsts && !/max-age=\d{7,}/.test(hsts)) problems.push(`HSTS "${hsts}"`);
  if (!expectHsts && hsts) problems.push(`HSTS on http: "${hsts}"`);
  if (probe.name.includes('webhooks') && answer.status !== 400)
    problems.push(`status ${answer.status}`);
  if (probe.name.includes('(404)') && answer.status !== 404)
    problems.push(`status ${answer.status}`);
  return problems;
}

export async function checkHeaders(
  stack: SecurityStack,
  log: AnswerLog,
): Promise<{ checks: Check[]; figures: string[] }> {
  const rows: Array<[string, string, string]> = [];
  const wrong: string[] = [];
  let pageCsp = '';
  for (const [replica, https] of [
    [stack.https, true],
    [stack.http, false],
  ] as const) {
    for (const probe of PROBES) {
      const answer = await probe.fetch(log, replica.url);
      const problems = problemsOf(answer, probe, https, probe.page);
      if (probe.page) pageCsp = header(answer, 'content-security-policy');
      wrong.push(...problems.map((p) => `${probe.name} (${https ? 'https' : 'http'}): ${p}`));
      rows.push([
        probe.name,
        `${https ? 'https' : 'http'} · ${answer.status}`,
        problems.length === 0 ? 'ok' : problems.join('; '),
      ]);
    }
  }
  return {
    checks: [
      check(
        "pages, tRPC, webhook and 404 answers carry a CSP with frame-ancestors 'none', nosniff, no x-powered-by, no server banner; pages' script-src has no unsafe-inline/eval",
        wrong.filter((w) => !w.includes('HSTS')).length === 0,
        `${rows.length} answers: ${
          wrong
            .filter((w) => !w.includes('HSTS'))
            .slice(0, 4)
            .join('; ') || 'all as required'
        }`,
      ),
      check(
        'HSTS on every answer when the API runs behind https (PUBLIC_URL https://…), and on none over plain http',
        wrong.filter((w) => w.includes('HSTS')).length === 0,
        wrong
          .filter((w) => w.includes('HSTS'))
          .slice(0, 4)
          .join('; ') || `${PROBES.length} answers each way`,
      ),
    ],
    figures: [table(['answer', 'process · status', 'headers'], rows), `Page CSP: \`${pageCsp}\``],
  };
}
