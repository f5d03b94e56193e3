// The tRPC half: every public procedure called over HTTP with fast-check's generated inputs, the
// database digested after every call, so a refused call that changed a row is caught by itself.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { check, table, type Check } from '../report.js';
import { changedTables, type DigestReader } from './database-digest.js';
import type { FuzzWorld } from './fuzz-world.js';
import { fuzzModels } from './fuzz-models.js';
import { discoverPublicProcedures } from './procedure-discovery.js';
import { bump, formatTally, type Tally } from './tally.js';
import { callProcedure } from './trpc-http.js';

/** Counted on purpose on every limited call, refused or not; the limits themselves are raised. */
// Refusals that are written down by design: rate-limit counters, and the audit log's entry for a
// failed sign-in (with the address it came from). Everything else must stay as it was.
export const FUZZ_DIGEST_EXCLUDES = ['rate_limit_counters', 'audit_log'];
const SEED = 10_2026;
/**
 * Past these the request itself is refused (Node's 16 KiB header limit for a query's URL: 431;
 * the API's 128 KiB body limit in server.ts: 413), and the API may close the connection while
 * the client still writes, so the client gets a broken pipe rather than the answer.
 */
const URL_LIMIT = 16 * 1024;
const BODY_LIMIT = 128 * 1024;
const CUT_OFF = 'cut off mid-upload';

interface ProcedureTally {
  type: string;
  runs: number;
  accepted: number;
  rejected: number;
  statuses: Tally;
  codes: Tally;
}

export async function runTrpcFuzz(
  baseUrl: string,
  reader: DigestReader,
  world: FuzzWorld,
  runsPerProcedure: number,
): Promise<{ checks: Check[]; figures: string[] }> {
  const discovery = await discoverPublicProcedures(baseUrl);
  const models = fuzzModels(world);
  const publicPaths = discovery.publicOnes.map((p) => p.path).sort();
  const modelled = Object.keys(models).sort();
  const unfuzzed = publicPaths.filter((p) => !modelled.includes(p));
  const notPublic = modelled.filter((p) => !publicPaths.includes(p));

  const tallies = new Map<string, ProcedureTally>();
  const serverErrors: string[] = [];
  const changedOnRefusal: string[] = [];
  let rejectedCalls = 0;
  let retriedCalls = 0;
  let previous = await reader.digest(FUZZ_DIGEST_EXCLUDES);
  const started = performance.now();
  for (const procedure of discovery.publicOnes.filter((p) => models[p.path])) {
    const tally: ProcedureTally = {
      type: procedure.type,
      runs: 0,
      accepted: 0,
      rejected: 0,
      statuses: new Map(),
      codes: new Map(),
    };
    tallies.set(procedure.path, tally);
    const inputs = fc.sample(models[procedure.path]!, {
      numRuns: runsPerProcedure,
      seed: seedFor(procedure.path),
    });
    for (const value of inputs) {
      const answer = await callProcedure(baseUrl, procedure.path, procedure.type, value);
      const current = await reader.digest(FUZZ_DIGEST_EXCLUDES);
      const oversized = answer.requestBytes > (procedure.type === 'query' ? URL_LIMIT : BODY_LIMIT);
      const cutOff = answer.status === null && oversized;
      tally.runs += 1;
      if (answer.retried) retriedCalls += 1;
      bump(tally.statuses, answer.status ?? (cutOff ? CUT_OFF : 'no answer'));
      if (answer.errorCode)
        bump(
          tally.codes,
          answer.appCode ??
            (answer.errorCode === 'BAD_REQUEST' ? 'input refused' : answer.errorCode),
        );
      const status = answer.status ?? 0;
      if (status >= 200 && status < 300) tally.accepted += 1;
      if ((status >= 400 && status < 500) || cutOff) {
        tally.rejected += 1;
        rejectedCalls += 1;
        if (current.hash !== previous.hash) {
          changedOnRefusal.push(
            `${procedure.path} ${status} changed ${changedTables(previous, current).join(', ')} for ${excerpt(value)}`,
          );
        }
      }
      if ((answer.status === null && !cutOff) || status >= 500)
        serverErrors.push(
          `${procedure.path} ${answer.status ?? answer.failure} for ${excerpt(value)}`,
        );
      previous = current;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rateLimited = [...tallies.entries()]
    .filter(([, t]) => t.statuses.has('429'))
    .map(([path, t]) => `${path} × ${t.statuses.get('429')}`);
  const calls = [...tallies.values()].reduce((sum, t) => sum + t.runs, 0);

  const checks = [
    check(
      'the fuzzed procedures are exactly the public ones the router has (called without a session, the others answer UNAUTHORIZED)',
      unfuzzed.length === 0 && notPublic.length === 0 && tallies.size === publicPaths.length,
      `${publicPaths.length} public of ${discovery.all.length}: ${publicPaths.join(', ')}` +
        (unfuzzed.length ? `; public but without a fuzz model: ${unfuzzed.join(', ')}` : '') +
        (notPublic.length ? `; modelled but not public: ${notPublic.join(', ')}` : ''),
    ),
    check(
      'no fuzzed call is rate limited (every limit raised, so each input meets the checks it was written for)',
      rateLimited.length === 0,
      rateLimited.length === 0 ? `0 of ${calls}` : rateLimited.join(', '),
    ),
    check(
      `no fuzzed call is answered with a 5xx or left unanswered (bar uploads past the size limits, ${CUT_OFF})`,
      serverErrors.length === 0,
      `${serverErrors.length} of ${calls}${serverErrors.length ? `: ${serverErrors.slice(0, 5).join('; ')}` : ''}`,
    ),
    check(
      `every refused call (4xx) leaves the database digest unchanged (every table but ${FUZZ_DIGEST_EXCLUDES.join(', ')}; digest after each call)`,
      changedOnRefusal.length === 0 && rejectedCalls > 0,
      `${changedOnRefusal.length} of ${rejectedCalls} refused calls changed rows${changedOnRefusal.length ? `: ${changedOnRefusal.slice(0, 5).join('; ')}` : ''}`,
    ),
  ];
  const figures = [
    `tRPC fuzzing: ${calls} calls over HTTP in ${seconds.toFixed(1)} s (${(calls / seconds).toFixed(0)} calls/s, one at a time with a database digest after each), ${runsPerProcedure} runs per public procedure, fast-check seed ${SEED}; ${retriedCalls} call(s) sent twice because their kept-alive connection was reset before any answer.`,
    table(
      [
        'Procedure',
        'Type',
        'Runs',
        'Accepted (2xx)',
        'Refused (4xx)',
        'HTTP statuses',
        'Why refused (API code, or tRPC code)',
      ],
      [...tallies.entries()].map(([path, t]) => [
        path,
        t.type,
        t.runs,
        t.accepted,
        t.rejected,
        formatTally(t.statuses),
        formatTally(t.codes),
      ]),
    ),
  ];
  return { checks, figures };
}

/** A seed per procedure, so adding one procedure does not change the inputs of the others. */
function seedFor(path: string): number {
  return (
    (createHash('sha256').update(`${SEED}:${path}`).digest().readUInt32BE(0) & 0x7fffffff) >>> 0
  );
}

function excerpt(value: unknown): string {
  const json = JSON.stringify(value) ?? 'no input';
  return json.length > 160 ? `${json.slice(0, 160)}… (${json.length} chars)` : json;
}
