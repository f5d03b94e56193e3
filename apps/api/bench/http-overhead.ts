// HTTP overhead: GET requests at `inFlight` against a bare Fastify process (fixed JSON, and the
// same database check as /healthz) and against the API process (/healthz, and the cheapest public
// tRPC query, catalogue.services), from one load generator, interleaved round after round in a rotating order.
// Returns the figures; http-overhead.bench.ts prints them.
import { fork, type ChildProcess } from 'node:child_process';
import { startApiProcess } from './api-process.js';
import { runPool, type PoolRun } from '@clinicpay/testing';

export const HTTP_TARGETS = ['bare', 'bareDb', 'healthz', 'catalogue'] as const;
export type HttpTarget = (typeof HTTP_TARGETS)[number];
export type HttpOverheadRound = Record<HttpTarget, PoolRun>;

export interface HttpOverheadOptions {
  requests: number;
  rounds: number;
  inFlight: number;
}

/** Each target's path, and what a right answer's body holds. */
const TARGETS: Record<
  HttpTarget,
  { on: 'bare' | 'api'; path: string; expect: (body: unknown) => boolean }
> = {
  bare: { on: 'bare', path: '/ping', expect: (b) => (b as { status?: string }).status === 'ok' },
  bareDb: {
    on: 'bare',
    path: '/ping-db',
    expect: (b) => (b as { status?: string }).status === 'ok',
  },
  healthz: {
    on: 'api',
    path: '/healthz',
    expect: (b) => (b as { status?: string }).status === 'ok',
  },
  catalogue: {
    on: 'api',
    path: '/trpc/catalogue.services',
    expect: (b) => ((b as { result?: { data?: unknown[] } }).result?.data?.length ?? 0) > 0,
  },
};

export async function measureHttpOverhead(
  options: HttpOverheadOptions,
): Promise<HttpOverheadRound[]> {
  const api = await startApiProcess();
  const bare = await startBareFastify(api.databaseUrl);
  const base = { bare: bare.url, api: api.url };
  const load = (target: HttpTarget, count: number) => {
    const { on, path, expect } = TARGETS[target];
    const url = `${base[on]}${path}`;
    return runPool(count, options.inFlight, async () => {
      const response = await fetch(url);
      const body: unknown = await response.json();
      if (response.status !== 200 || !expect(body))
        throw new Error(`${path} answered ${response.status}`);
    });
  };
  const rounds: HttpOverheadRound[] = [];
  try {
    // Warm-up: connections open, code paths compiled, plans cached.
    for (const target of HTTP_TARGETS) await load(target, Math.min(500, options.requests));
    for (let r = 0; r < options.rounds; r++) {
      const round: Partial<HttpOverheadRound> = {};
      // Each round starts at the next target, so none always runs right after the same other.
      const order = HTTP_TARGETS.map((_, i) => HTTP_TARGETS[(i + r) % HTTP_TARGETS.length]!);
      for (const target of order) round[target] = await load(target, options.requests);
      rounds.push(round as HttpOverheadRound);
    }
  } finally {
    bare.stop();
    await api.stop();
  }
  return rounds;
}

async function startBareFastify(databaseUrl: string): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = fork(
    new URL('./bare-fastify.server.ts', import.meta.url),
    [databaseUrl],
    { execArgv: ['--import', 'tsx'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bare Fastify server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
