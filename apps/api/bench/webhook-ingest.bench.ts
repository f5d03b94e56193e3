// Webhook ingest over HTTP at 32 in flight beside the same SQL through pg, unnamed and prepared
// (webhook-ingest.ts).
// Not a test: prints figures. `pnpm --filter @clinicpay/api bench`.
import { assertAllSucceeded, fmt, medianOfRuns } from '@clinicpay/testing';
import { measureWebhookIngest } from './webhook-ingest.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const IN_FLIGHT = 32;
const ROUNDS = 3;

const rounds = await measureWebhookIngest({ events: EVENTS, rounds: ROUNDS, inFlight: IN_FLIGHT });
assertAllSucceeded(
  'webhook ingest',
  rounds.flatMap((r) => [r.http, r.floor, r.preparedFloor]),
);
const http = medianOfRuns(rounds.map((r) => r.http));
const floor = medianOfRuns(rounds.map((r) => r.floor));
const prepared = medianOfRuns(rounds.map((r) => r.preparedFloor));
console.log(
  `webhook ingest, ${EVENTS} payment_intent.succeeded events x ${ROUNDS} rounds, ${IN_FLIGHT} in flight (medians)`,
);
console.log(
  `  via HTTP route:   ${fmt(http.perSecond, 0)} events/s   p50 ${fmt(http.p50)} ms   p99 ${fmt(http.p99)} ms`,
);
console.log(
  `  same SQL via pg:  ${fmt(floor.perSecond, 0)} events/s   p50 ${fmt(floor.p50)} ms   p99 ${fmt(floor.p99)} ms`,
);
console.log(
  `  same SQL, named:  ${fmt(prepared.perSecond, 0)} events/s   p50 ${fmt(prepared.p50)} ms   p99 ${fmt(prepared.p99)} ms`,
);
console.log(
  `  ratio HTTP / unnamed floor: ${fmt(http.perSecond / floor.perSecond, 2)} (target >= 0.70); / named floor: ${fmt(http.perSecond / prepared.perSecond, 2)} (target >= 0.50); p99 ${fmt(http.p99 / prepared.p99, 2)}x the named floor's (target <= 2)`,
);
