// The admin transactions page and CSV export over a database of bench payments, against the API in
// its own process. Returns the figures; admin-transactions.bench.ts prints them.
import { runSequential, type LatencyRun } from '@clinicpay/testing';
import { DATA_START, SPACING_SECONDS, memoryOf, signIn, startApi } from './admin-bench-support.js';

const DAY = 86_400_000;

export type RunAs = 'tsx' | 'bundle';

export interface PageScenario {
  name: string;
  run: LatencyRun;
}

interface Page {
  rows: unknown[];
  nextCursor: string | null;
}

/** A 30-day window inside the data, different for each i. */
export function windowOf(payments: number, i: number): { from: string; to: string } {
  const span = payments * SPACING_SECONDS * 1000;
  const from = new Date(
    DATA_START.getTime() + ((i * 7919) % Math.max(1, Math.floor((span - 30 * DAY) / DAY))) * DAY,
  );
  return { from: from.toISOString(), to: new Date(from.getTime() + 30 * DAY).toISOString() };
}

/**
 * Each scenario `pages` times (10 for the scan), in one API process; `rounds` repeats the whole.
 * `only: 'first-page'` measures the first scenario alone (the one with a target).
 */
export async function measurePages(
  databaseUrl: string,
  runAs: RunAs,
  options: { payments: number; pages: number; rounds?: number; only?: 'first-page' },
): Promise<PageScenario[][]> {
  const { payments, pages } = options;
  const api = await startApi(databaseUrl, runAs);
  try {
    const cookie = await signIn(api.url);
    const get = async (path: string, input: object) => {
      const response = await fetch(
        `${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { cookie } },
      );
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { result: { data: unknown } }).result.data;
    };
    const list = async (input: object) => (await get('admin.transactions.list', input)) as Page;
    const hasRows = (page: Page) => page.rows.length > 0;
    const window = (i: number) => windowOf(payments, i);

    // Warm the pool and the caches the way a working day would.
    for (let i = 0; i < 20; i++) await list({ status: ['completed'], ...window(i), limit: 50 });

    const scenarios: [string, (i: number) => Promise<boolean | { ok: boolean; ms: number }>][] = [
      [
        'status=completed, 30 days, 50 rows (first page)',
        async (i) => hasRows(await list({ status: ['completed'], ...window(i), limit: 50 })),
      ],
      [
        'the same, 5th page (cursor)',
        async (i) => {
          let cursor: string | null = null;
          for (let p = 0; p < 4; p++)
            cursor = (
              await list({
                status: ['completed'],
                ...window(i),
                limit: 50,
                ...(cursor ? { cursor } : {}),
              })
            ).nextCursor;
          const t0 = performance.now();
          const page = await list({ status: ['completed'], ...window(i), limit: 50, cursor });
          return { ok: hasRows(page), ms: performance.now() - t0 };
        },
      ],
      ['no filter, newest 50', async () => hasRows(await list({ limit: 50 }))],
      [
        'search by a whole email (indexed)',
        async (i) =>
          hasRows(await list({ search: `bench${(i * 7919) % payments}@example.com`, limit: 50 })),
      ],
      // A name part that matches nothing: the whole table is scanned.
      [
        'search by part of a name (a scan)',
        async (i) =>
          Array.isArray(
            (await list({ search: `Patient ${(i * 7919) % payments}x`, limit: 50 })).rows,
          ),
      ],
      [
        'summary, 30 days',
        async (i) => (await get('admin.transactions.summary', window(i))) !== undefined,
      ],
    ];
    const chosen = options.only === 'first-page' ? scenarios.slice(0, 1) : scenarios;
    const rounds: PageScenario[][] = [];
    for (let r = 0; r < (options.rounds ?? 1); r++) {
      const round: PageScenario[] = [];
      for (const [name, task] of chosen)
        round.push({
          name,
          run: await runSequential(name.includes('(a scan)') ? 10 : pages, task),
        });
      rounds.push(round);
    }
    return rounds;
  } finally {
    await api.stop();
  }
}

export interface ExportRun {
  rows: number;
  bytes: number;
  status: number;
  seconds: number;
  /** Resident memory of the API process in MB: at rest before, and the highest sampled during. */
  restRss: number;
  peakRss: number;
  /** VmHWM: the process's peak since it started. */
  highWater: number;
}

/** In a fresh API process, so what the export holds is not mixed with what the pages left. */
export async function measureExport(databaseUrl: string, runAs: RunAs): Promise<ExportRun> {
  const api = await startApi(databaseUrl, runAs);
  try {
    const cookie = await signIn(api.url);
    const before = await memoryOf(api.pid);
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      void memoryOf(api.pid).then(
        (m) => (peakRss = Math.max(peakRss, m.rss)),
        () => undefined,
      );
    }, 50);
    const t0 = performance.now();
    const response = await fetch(`${api.url}/exports/transactions.csv`, { headers: { cookie } });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const after = await memoryOf(api.pid);
    return {
      rows: lines - 1,
      bytes,
      status: response.status,
      seconds,
      restRss: before.rss,
      peakRss: Math.max(peakRss, after.rss),
      highWater: after.peak,
    };
  } finally {
    await api.stop();
  }
}
