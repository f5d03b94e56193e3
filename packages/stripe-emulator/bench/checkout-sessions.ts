/**
 * Checkout-session creations per second through stripe-node at `inFlight`, against the emulator
 * and against a bare node:http baseline on the same SDK call path, interleaved rounds; and bytes
 * of heap per stored session. Returns the figures; checkout-sessions.bench.ts prints them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import Stripe from 'stripe';
import { checkoutSessionParams } from '../src/builders/index';
import { DEMO_KEYS, startEmulator } from '../src/index';

export const params = (): Stripe.Checkout.SessionCreateParams =>
  checkoutSessionParams(Math.floor(Date.now() / 1000) + 35 * 60);

const client = (port: number) =>
  new Stripe(DEMO_KEYS.secretKey, {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });

/** One round: sessions asked, sessions answered (an object with a `cs_` id), their rate. */
export interface SessionRound {
  asked: number;
  created: number;
  failed: number;
  firstError?: string;
  /** Answered sessions per second. */
  rate: number;
  /** The server process's CPU microseconds per request. */
  cpuPerRequest: number;
}

async function run(stripe: Stripe, total: number, inFlight: number) {
  let remaining = total;
  let created = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const worker = async () => {
    while (remaining-- > 0) {
      try {
        const session = await stripe.checkout.sessions.create(params());
        if (session.id.startsWith('cs_')) created++;
        else failed++;
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const result = {
    asked: total,
    created,
    failed,
    rate: created / ((performance.now() - started) / 1000),
  };
  return firstError === undefined ? result : { ...result, firstError };
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

async function round(
  server: Server,
  stripe: Stripe,
  total: number,
  inFlight: number,
): Promise<SessionRound> {
  const cpuBefore = await serverCpuMicros(server);
  const result = await run(stripe, total, inFlight);
  const cpuAfter = await serverCpuMicros(server);
  return { ...result, cpuPerRequest: (cpuAfter - cpuBefore) / total };
}

function spawnServer(args: string[]): Promise<Server> {
  const child = fork(new URL('./serve.ts', import.meta.url), args, {
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`The ${args[0]} server exited (${code}) before it listened.`)),
    );
  });
}

export interface ThroughputOptions {
  rounds: number;
  perRound: number;
  warmup: number;
  inFlight: number;
}

/** Interleaved rounds, baseline first; servers in child processes, the client here. */
export async function measureSessionThroughput(
  options: ThroughputOptions,
): Promise<{ emulator: SessionRound[]; baseline: SessionRound[] }> {
  const emulator = await spawnServer(['emulator']);
  const emulatorClient = client(emulator.port);
  try {
    const sample = await emulatorClient.checkout.sessions.create(params());
    const baseline = await spawnServer(['baseline', JSON.stringify(sample)]);
    try {
      const baselineClient = client(baseline.port);
      await run(emulatorClient, options.warmup, options.inFlight);
      await run(baselineClient, options.warmup, options.inFlight);
      const e: SessionRound[] = [];
      const b: SessionRound[] = [];
      for (let i = 0; i < options.rounds; i++) {
        b.push(await round(baseline, baselineClient, options.perRound, options.inFlight));
        e.push(await round(emulator, emulatorClient, options.perRound, options.inFlight));
      }
      return { emulator: e, baseline: b };
    } finally {
      baseline.child.kill();
    }
  } finally {
    emulator.child.kill();
  }
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Heap per stored session, in this process (needs --expose-gc). */
export async function measureSessionMemory(sessions: number, inFlight: number) {
  const emu = await startEmulator({ port: 0 });
  const stripe = client(emu.port);
  await run(stripe, 500, inFlight); // warm the SDK and the server, then start from empty
  emu.control.reset();
  const before = heap();
  await run(stripe, sessions, inFlight);
  const after = heap();
  // The idempotency record keeps the response body as sent (pretty JSON, one byte a character).
  const [latest] = emu.control.objects('test').checkoutSessions.slice(-1);
  const responseBytes = JSON.stringify(latest, null, 2).length;
  emu.control.reset();
  const afterReset = heap();
  await emu.stop();
  return {
    perSession: (after - before) / sessions,
    responseBytes,
    before,
    after,
    afterReset,
  };
}
