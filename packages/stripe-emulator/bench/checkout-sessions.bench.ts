/**
 * Benchmark (not a test): checkout-session creations per second through stripe-node at 32 in
 * flight, against the emulator and against a bare node:http baseline on the same SDK call path,
 * medians over several interleaved rounds; then bytes of heap per stored session, and the heap
 * after a reset. Run: pnpm --filter @clinicpay/stripe-emulator bench
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import Stripe from 'stripe';
import { DEMO_KEYS, startEmulator } from '../src/index';

const IN_FLIGHT = 32;
const ROUNDS = 7;
const PER_ROUND = 3000;
const WARMUP = 3000;
const MEMORY_SESSIONS = 10_000;

const params = (): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  ui_mode: 'embedded_page',
  return_url: 'https://clinic.example/booking/BK-1/return?session_id={CHECKOUT_SESSION_ID}',
  line_items: [
    {
      quantity: 1,
      price_data: {
        currency: 'usd',
        unit_amount: 5000,
        product_data: { name: 'Appointment at Demo Clinic' },
      },
    },
  ],
  metadata: { payment_id: 'pay_123' },
  client_reference_id: 'pay_123',
  payment_intent_data: { metadata: { payment_id: 'pay_123' } },
  expires_at: Math.floor(Date.now() / 1000) + 35 * 60,
});

const client = (port: number) =>
  new Stripe(DEMO_KEYS.secretKey, {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });

async function run(stripe: Stripe, total: number): Promise<number> {
  let remaining = total;
  const started = performance.now();
  const worker = async () => {
    while (remaining-- > 0) await stripe.checkout.sessions.create(params());
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return total / ((performance.now() - started) / 1000);
}

interface Server {
  child: ChildProcess;
  port: number;
}

function serverCpuMicros(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (m) => {
      const { cpu } = m as { cpu: NodeJS.CpuUsage };
      resolve(cpu.user + cpu.system);
    });
    server.child.send('cpu');
  });
}

/** Requests per second, and the server process's CPU microseconds per request. */
async function round(
  server: Server,
  stripe: Stripe,
  total: number,
): Promise<{ rate: number; cpuPerRequest: number }> {
  const cpuBefore = await serverCpuMicros(server);
  const rate = await run(stripe, total);
  const cpuAfter = await serverCpuMicros(server);
  return { rate, cpuPerRequest: (cpuAfter - cpuBefore) / total };
}

function spawnServer(args: string[]): Promise<Server> {
  const child = fork(new URL('./serve.ts', import.meta.url), args, {
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function throughput() {
  const emulator = await spawnServer(['emulator']);
  const sample = await client(emulator.port).checkout.sessions.create(params());
  const baseline = await spawnServer(['baseline', JSON.stringify(sample)]);
  const emu = client(emulator.port);
  const base = client(baseline.port);
  await run(emu, WARMUP);
  await run(base, WARMUP);
  const e: { rate: number; cpuPerRequest: number }[] = [];
  const b: { rate: number; cpuPerRequest: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    b.push(await round(baseline, base, PER_ROUND));
    e.push(await round(emulator, emu, PER_ROUND));
  }
  emulator.child.kill();
  baseline.child.kill();
  return {
    emulator: median(e.map((r) => r.rate)),
    baseline: median(b.map((r) => r.rate)),
    emulatorCpu: median(e.map((r) => r.cpuPerRequest)),
    baselineCpu: median(b.map((r) => r.cpuPerRequest)),
    rounds: { emulator: e.map((r) => r.rate), baseline: b.map((r) => r.rate) },
  };
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function memory() {
  const emu = await startEmulator({ port: 0 });
  const stripe = client(emu.port);
  await run(stripe, 500); // warm the SDK and the server, then start from empty
  emu.control.reset();
  const before = heap();
  await run(stripe, MEMORY_SESSIONS);
  const after = heap();
  // The idempotency record keeps the response body as sent (pretty JSON, one byte a character).
  const [latest] = emu.control.objects('test').checkoutSessions.slice(-1);
  const responseBytes = JSON.stringify(latest, null, 2).length;
  emu.control.reset();
  const afterReset = heap();
  await emu.stop();
  return {
    perSession: (after - before) / MEMORY_SESSIONS,
    responseBytes,
    before,
    after,
    afterReset,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const t = await throughput();
const m = await memory();
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
