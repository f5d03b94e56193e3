/**
 * Benchmark (not a test): checkout-session creations per second through stripe-node at 32 in
 * flight, against the emulator and against a bare node:http baseline on the same SDK call path,
 * medians over several interleaved rounds; then bytes of heap per stored session, and the heap
 * after a reset (checkout-sessions.ts). Run: pnpm --filter @clinicpay/stripe-emulator bench
 */
import { cpus, totalmem } from 'node:os';
import Stripe from 'stripe';
import { measureSessionMemory, measureSessionThroughput } from './checkout-sessions';

const IN_FLIGHT = 32;
const ROUNDS = 7;
const PER_ROUND = 3000;
const WARMUP = 3000;
const MEMORY_SESSIONS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function throughput() {
  const { emulator: e, baseline: b } = await measureSessionThroughput({
    rounds: ROUNDS,
    perRound: PER_ROUND,
    warmup: WARMUP,
    inFlight: IN_FLIGHT,
  });
  const broken = [...e, ...b].find((r) => r.failed > 0);
  if (broken)
    throw new Error(
      `${broken.failed} of ${broken.asked} creations failed; first: ${broken.firstError}`,
    );
  return {
    emulator: median(e.map((r) => r.rate)),
    baseline: median(b.map((r) => r.rate)),
    emulatorCpu: median(e.map((r) => r.cpuPerRequest)),
    baselineCpu: median(b.map((r) => r.cpuPerRequest)),
    rounds: { emulator: e.map((r) => r.rate), baseline: b.map((r) => r.rate) },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const t = await throughput();
const m = await measureSessionMemory(MEMORY_SESSIONS, IN_FLIGHT);
const cpu = cpus();
console.log(`## Checkout session creation benchmark (${new Date().toISOString().slice(0, 10)})`);
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${mb(totalmem())} RAM, Node ${process.version}`,
);
console.log(
  `Through stripe-node ${Stripe.PACKAGE_VERSION}, ${IN_FLIGHT} in flight, median of ${ROUNDS} rounds × ${PER_ROUND}:`,
);
console.log(
  `- emulator: ${t.emulator.toFixed(0)} creations/s  (rounds: ${t.rounds.emulator.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `- baseline (bare node:http, fixed body): ${t.baseline.toFixed(0)} requests/s  (rounds: ${t.rounds.baseline.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(`- ratio emulator / baseline: ${(t.emulator / t.baseline).toFixed(2)}`);
console.log(
  `- server CPU per request (median): emulator ${t.emulatorCpu.toFixed(0)} µs, baseline ${t.baselineCpu.toFixed(0)} µs`,
);
console.log(`Memory, ${MEMORY_SESSIONS} sessions created through the SDK:`);
console.log(
  `- ${kb(m.perSession)} of heap per stored session (session, line item, idempotency record)`,
);
console.log(
  `- of which the idempotency record's response body is about ${kb(m.responseBytes)} (stripe-node keys every POST)`,
);
console.log(
  `- heap before ${mb(m.before)}, after ${mb(m.after)}, after reset ${mb(m.afterReset)} (${kb(m.afterReset - m.before)} above the start)`,
);
