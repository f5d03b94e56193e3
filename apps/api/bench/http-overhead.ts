// HTTP overhead: GET requests at `inFlight` against the API process and a bare Fastify process
// that answers the same requests with nothing around them, from one load generator, interleaved
// round after round in a rotating order:
// - /healthz beside bare Fastify doing the same database check;
// - the public catalogue reads (clinic, services, doctors of a service), sent as the patient SPA's
//   batch link sends them, every second request conditional (If-None-Match with the ETag the
//   first answer carried, as a browser revalidating its copy does), beside bare Fastify answering
//   the same URLs with the same bytes and ETags, fixed strings in memory, and the same 304s.
// Returns the figures; http-overhead.bench.ts prints them.
import { fork, type ChildProcess } from 'node:child_process';
import { DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { startApiProcess } from './api-process.js';
import { runPool, type PoolRun } from '@clinicpay/testing';
import type { FixedAnswer } from './bare-fastify.server.js';

export const CATALOGUE_READS = ['clinic', 'services', 'doctors'] as const;
export type CatalogueRead = (typeof CATALOGUE_READS)[number];
export const HTTP_TARGETS = [
  'bareDb',
  'healthz',
  ...CATALOGUE_READS.map((read) => `bare:${read}` as const),
  ...CATALOGUE_READS,
] as const;
export type HttpTarget = (typeof HTTP_TARGETS)[number];
export type HttpOverheadRound = Record<HttpTarget, PoolRun>;

export interface HttpOverheadOptions {
  requests: number;
  rounds: number;
  inFlight: number;
}

/** As tRPC's httpBatchLink sends one query: `?batch=1&input={"0":input}` (`{}` without input). */
const batchUrl = (path: string, input?: unknown) =>
  `/trpc/${path}?batch=1&input=${encodeURIComponent(JSON.stringify(input === undefined ? {} : { 0: input }))}`;

const CATALOGUE_URLS: Record<CatalogueRead, string> = {
  clinic: batchUrl('catalogue.clinic'),
  services: batchUrl('catalogue.services'),
  // The first demo service: offered by two doctors.
  doctors: batchUrl('catalogue.doctors', { serviceId: DEMO_SERVICES[0].id }),
};

/** Every second request to a catalogue read carries the ETag of the answer it already has. */
const isConditional = (i: number) => i % 2 === 1;

export async function measureHttpOverhead(
  options: HttpOverheadOptions,
): Promise<HttpOverheadRound[]> {
  const api = await startApiProcess();
  const bare = await startBareFastify(api.databaseUrl);
  const rounds: HttpOverheadRound[] = [];
  try {
    // What the API answers each catalogue URL: the bare process is given the same bytes.
    const answers = await fetchAnswers(api.url);
    await bare.serve(answers);
    const load = (target: HttpTarget, count: number) => {
      if (target === 'healthz' || target === 'bareDb') {
        const url = target === 'healthz' ? `${api.url}/healthz` : `${bare.url}/ping-db`;
        return runPool(count, options.inFlight, async () => {
          const response = await fetch(url);
          const body = (await response.json()) as { status?: string };
          if (response.status !== 200 || body.status !== 'ok')
            throw new Error(`${url} answered ${response.status}`);
        });
      }
      const onBare = target.startsWith('bare:');
      const read = (onBare ? target.slice('bare:'.length) : target) as CatalogueRead;
      const base = onBare ? bare.url : api.url;
      const { url, body, etag } = answers[read];
      const conditional = { headers: { 'if-none-match': etag } };
      return runPool(count, options.inFlight, async (i) => {
        const response = await fetch(`${base}${url}`, isConditional(i) ? conditional : {});
        const text = await response.text();
        const expected = isConditional(i) ? 304 : 200;
        if (response.status !== expected || text !== (expected === 200 ? body : ''))
          throw new Error(`${target} ${url} answered ${response.status}, expected ${expected}`);
      });
    };
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

async function fetchAnswers(apiUrl: string): Promise<Record<CatalogueRead, FixedAnswer>> {
  const entries = await Promise.all(
    CATALOGUE_READS.map(async (read) => {
      const url = CATALOGUE_URLS[read];
      const response = await fetch(`${apiUrl}${url}`);
      const body = await response.text();
      const etag = response.headers.get('etag');
      if (response.status !== 200 || !etag || !body.includes('"result"'))
        throw new Error(`${url} answered ${response.status} without an ETag: ${body}`);
      return [read, { url, body, etag }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<CatalogueRead, FixedAnswer>;
}

interface BareFastify {
  url: string;
  /** Gives the process the answers it is to send, and waits until it has them. */
  serve(answers: Record<CatalogueRead, FixedAnswer>): Promise<void>;
  stop(): void;
}

async function startBareFastify(databaseUrl: string): Promise<BareFastify> {
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
  return {
    url: `http://127.0.0.1:${port}`,
    serve: (answers) =>
      new Promise((resolve) => {
        child.once('message', () => resolve());
        child.send({ answers: Object.values(answers) });
      }),
    stop: () => child.kill(),
  };
}
