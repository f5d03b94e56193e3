// HTTP overhead: a bare Fastify process beside the API (http-overhead.ts). Not a test: prints
// figures. `pnpm --filter @clinicpay/api exec tsx bench/http-overhead.bench.ts`.
import { assertAllSucceeded, fmt, median } from '@clinicpay/testing';
import {
  CATALOGUE_READS,
  HTTP_TARGETS,
  measureHttpOverhead,
  type HttpTarget,
} from './http-overhead.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const IN_FLIGHT = 32;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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
  `HTTP overhead, ${REQUESTS} GET requests x ${ROUNDS} rounds, ${IN_FLIGHT} in flight (medians; catalogue reads: every second request conditional)`,
);
for (const target of HTTP_TARGETS) {
  const runs = rounds.map((r) => r[target]);
  console.log(
    `  ${target.padEnd(16)} ${fmt(median(runs.map((r) => r.perSecond)), 0)} requests/s   p50 ${fmt(median(runs.map((r) => r.p50)))} ms   p99 ${fmt(median(runs.map((r) => r.p99)))} ms`,
  );
}
const rate = (t: HttpTarget) => median(rounds.map((r) => r[t].perSecond));
console.log(
  `  ratio API /healthz / bare with the same check: ${fmt(rate('healthz') / rate('bareDb'), 2)}`,
);
for (const read of CATALOGUE_READS) {
  console.log(
    `  ratio API catalogue.${read} / bare Fastify, same requests and answers: ${fmt(rate(read) / rate(`bare:${read}`), 2)} (target 0.6)`,
  );
}
