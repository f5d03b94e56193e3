// HTTP overhead: a bare Fastify process beside the API (http-overhead.ts). Not a test: prints
// figures. `pnpm --filter @clinicpay/api exec tsx bench/http-overhead.bench.ts`.
import { assertAllSucceeded, fmt, median } from '@clinicpay/testing';
import { HTTP_TARGETS, measureHttpOverhead, type HttpTarget } from './http-overhead.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const IN_FLIGHT = 32;
const ROUNDS = 3;

const LABELS: Record<HttpTarget, string> = {
  bare: 'bare Fastify, fixed JSON',
  bareDb: 'bare Fastify, /healthz database check',
  healthz: 'API /healthz',
  catalogue: 'API catalogue.services (tRPC)',
};

const rounds = await measureHttpOverhead({
  requests: REQUESTS,
  rounds: ROUNDS,
  inFlight: IN_FLIGHT,
});
assertAllSucceeded(
  'HTTP overhead',
  rounds.flatMap((r) => HTTP_TARGETS.map((t) => r[t])),
);
console.log(
  `HTTP overhead, ${REQUESTS} GET requests x ${ROUNDS} rounds, ${IN_FLIGHT} in flight (medians)`,
);
for (const target of HTTP_TARGETS) {
  const runs = rounds.map((r) => r[target]);
  console.log(
    `  ${LABELS[target].padEnd(40)} ${fmt(median(runs.map((r) => r.perSecond)), 0)} requests/s   p50 ${fmt(median(runs.map((r) => r.p50)))} ms   p99 ${fmt(median(runs.map((r) => r.p99)))} ms`,
  );
}
const rate = (t: HttpTarget) => median(rounds.map((r) => r[t].perSecond));
console.log(
  `  ratio API /healthz / bare with the same check: ${fmt(rate('healthz') / rate('bareDb'), 2)}`,
);
console.log(
  `  ratio API catalogue.services / bare fixed JSON: ${fmt(rate('catalogue') / rate('bare'), 2)}`,
);
