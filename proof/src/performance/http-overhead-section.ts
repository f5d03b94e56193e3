// HTTP overhead: the API's /healthz and catalogue.services beside a bare Fastify process, the
// same load generator against both.
import { HTTP_TARGETS, measureHttpOverhead } from '@clinicpay/api/bench/http-overhead';
import { check } from '../report.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

export async function httpOverheadSection(sizes: Sizes['http']): Promise<Section> {
  const rounds = await measureHttpOverhead(sizes);
  const of = (target: (typeof HTTP_TARGETS)[number]) => rounds.map((r) => r[target]);
  const asked = rounds.length * HTTP_TARGETS.length * sizes.requests;
  const ok = rounds.reduce((sum, r) => sum + HTTP_TARGETS.reduce((s, t) => s + r[t].ok, 0), 0);
  const firstError = rounds.flatMap((r) => HTTP_TARGETS.map((t) => r[t].firstError)).find(Boolean);
  const bare = { what: 'bare Fastify, fixed JSON', values: of('bare').map((r) => r.perSecond) };
  const bareDb = {
    what: 'bare Fastify, the same database check',
    values: of('bareDb').map((r) => r.perSecond),
  };
  return {
    rows: [
      {
        what: 'HTTP: API `/healthz` (one database check), requests/s',
        unit: '/s',
        values: of('healthz').map((r) => r.perSecond),
        baseline: bareDb,
      },
      {
        what: 'HTTP: API `/healthz`, p99',
        unit: 'ms',
        values: of('healthz').map((r) => r.p99),
        baseline: { what: bareDb.what, values: of('bareDb').map((r) => r.p99) },
      },
      {
        what: 'HTTP: API `catalogue.services` (tRPC, two queries), requests/s',
        unit: '/s',
        values: of('catalogue').map((r) => r.perSecond),
        baseline: bare,
      },
      {
        what: 'HTTP: API `catalogue.services`, p99',
        unit: 'ms',
        values: of('catalogue').map((r) => r.p99),
        baseline: { what: bare.what, values: of('bare').map((r) => r.p99) },
      },
    ],
    checks: [
      check(
        'HTTP overhead: every request to the bare Fastify routes, /healthz and catalogue.services answered 200 with the expected body',
        ok === asked,
        `${counted(ok, asked)}${firstError ? `; first failure: ${firstError}` : ''}`,
      ),
    ],
    setup: `HTTP: ${sizes.requests.toLocaleString('en-US')} GETs per target per run at ${sizes.inFlight} in flight, the API and a bare Fastify process each in their own process.`,
  };
}
