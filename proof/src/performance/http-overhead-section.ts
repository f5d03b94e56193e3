// HTTP overhead: the API's /healthz and public catalogue reads beside a bare Fastify process, the
// same load generator against both. The bare process answers the catalogue URLs with the bytes and
// ETags the API gave, and the same 304s: the floor of a perfect cache.
import {
  CATALOGUE_READS,
  HTTP_TARGETS,
  measureHttpOverhead,
  type HttpTarget,
} from '@clinicpay/api/bench/http-overhead';
import { check } from '../report.js';
import type { Row } from './row.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

/** The issue-21 target for the public catalogue reads against bare Fastify. */
const CATALOGUE_TARGET = 0.6;

export async function httpOverheadSection(sizes: Sizes['http']): Promise<Section> {
  const rounds = await measureHttpOverhead(sizes);
  const of = (target: HttpTarget) => rounds.map((r) => r[target]);
  const asked = rounds.length * HTTP_TARGETS.length * sizes.requests;
  const ok = rounds.reduce((sum, r) => sum + HTTP_TARGETS.reduce((s, t) => s + r[t].ok, 0), 0);
  const firstError = rounds.flatMap((r) => HTTP_TARGETS.map((t) => r[t].firstError)).find(Boolean);
  const bareDb = {
    what: 'bare Fastify, the same database check',
    values: of('bareDb').map((r) => r.perSecond),
  };
  const catalogueRows = CATALOGUE_READS.flatMap((read): Row[] => {
    const bare = {
      what: 'bare Fastify, the same requests and answers',
      values: of(`bare:${read}`).map((r) => r.perSecond),
    };
    return [
      {
        what: `HTTP: API \`catalogue.${read}\` (half of the GETs conditional), requests/s`,
        unit: '/s',
        values: of(read).map((r) => r.perSecond),
        baseline: bare,
        target: {
          text: `≥ ${CATALOGUE_TARGET} of bare Fastify`,
          met: (_figure, ratio) => ratio !== undefined && ratio >= CATALOGUE_TARGET,
        },
      },
      {
        what: `HTTP: API \`catalogue.${read}\`, p99`,
        unit: 'ms',
        values: of(read).map((r) => r.p99),
        baseline: { what: bare.what, values: of(`bare:${read}`).map((r) => r.p99) },
      },
    ];
  });
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
      ...catalogueRows,
    ],
    checks: [
      check(
        'HTTP overhead: every request to the bare Fastify routes, /healthz and the catalogue reads answered as expected (200 with the same body as the API, or 304 to a current ETag)',
        ok === asked,
        `${counted(ok, asked)}${firstError ? `; first failure: ${firstError}` : ''}`,
      ),
    ],
    setup: `HTTP: ${sizes.requests.toLocaleString('en-US')} GETs per target per run at ${sizes.inFlight} in flight, the API and a bare Fastify process each in their own process. Catalogue reads are sent as the patient SPA's batch link sends them; every second one carries If-None-Match with the current ETag (a browser revalidating), so half are answered 304 by both.`,
  };
}
