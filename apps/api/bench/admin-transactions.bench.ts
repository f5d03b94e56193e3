// The admin transactions page and CSV export at 1,000,000 payments, against the API in its own
// process over PostgreSQL. Not a test: prints figures (docs/admin-api.md keeps them).
// `pnpm --filter @clinicpay/api exec tsx bench/admin-transactions.bench.ts`. BENCH_PAYMENTS resizes;
// BENCH_DATABASE_URL reuses a database written before; BENCH_RUN_AS=bundle|tsx runs one variant;
// BENCH_EXPORT_ONLY=1 skips the pages; API_NODE_ARGS passes flags to the API's node.
import { fmt, percentile } from './bench-support.js';
import { DATA_START, SPACING_SECONDS, memoryOf, signIn, startApi, startDatabase, writePayments } from './admin-bench-support.js';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
const PAGES = 300;
const DAY = 86_400_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

/** BENCH_DATABASE_URL: a database already holding BENCH_PAYMENTS bench payments (repeated runs). */
async function database() {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, drop: () => Promise.resolve() };
  const fresh = await startDatabase();
  console.log(`Writing ${PAYMENTS} payments…`);
  const [, writeMs] = await timed(() => writePayments(fresh.db, PAYMENTS));
  console.log(`  in ${fmt(writeMs / 1000)} s`);
  return fresh;
}

async function main() {
  const db = await database();
  try {
    // BENCH_RUN_AS=bundle or tsx runs one of the two.
    for (const runAs of (['bundle', 'tsx'] as const).filter((r) => !process.env.BENCH_RUN_AS || r === process.env.BENCH_RUN_AS)) {
      console.log(`\nAPI run as ${runAs === 'bundle' ? 'a one-file build (node dist/bench/api.mjs)' : 'npm start does (tsx src/main.ts)'}:`);
      await measure(db.url, runAs);
    }
  } finally {
    await db.drop();
  }
}

async function measure(databaseUrl: string, runAs: 'tsx' | 'bundle') {
  // BENCH_EXPORT_ONLY=1 skips the pages (when working on the export).
  if (process.env.BENCH_EXPORT_ONLY) return measureExport(databaseUrl, runAs);
  const api = await startApi(databaseUrl, runAs);
  try {
    const cookie = await signIn(api.url);
    const get = async (path: string, input: object) => {
      const response = await fetch(`${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { result: { data: { rows: unknown[]; nextCursor: string | null } } }).result.data;
    };
    const span = PAYMENTS * SPACING_SECONDS * 1000;
    const window = (i: number) => {
      const from = new Date(DATA_START.getTime() + ((i * 7919) % Math.max(1, Math.floor((span - 30 * DAY) / DAY))) * DAY);
      return { from: from.toISOString(), to: new Date(from.getTime() + 30 * DAY).toISOString() };
    };

    // Warm the pool and the caches the way a working day would.
    for (let i = 0; i < 20; i++) await get('admin.transactions.list', { status: ['completed'], ...window(i), limit: 50 });

    const scenarios: [string, (i: number) => Promise<unknown>][] = [
      ['status=completed, 30 days, 50 rows (first page)', (i) => get('admin.transactions.list', { status: ['completed'], ...window(i), limit: 50 })],
      ['the same, 5th page (cursor)', async (i) => {
        let cursor: string | null = null;
        for (let p = 0; p < 4; p++) cursor = (await get('admin.transactions.list', { status: ['completed'], ...window(i), limit: 50, ...(cursor ? { cursor } : {}) })).nextCursor;
        const [, ms] = await timed(() => get('admin.transactions.list', { status: ['completed'], ...window(i), limit: 50, cursor }));
        return ms;
      }],
      ['no filter, newest 50', () => get('admin.transactions.list', { limit: 50 })],
      ['search by a whole email (indexed)', (i) => get('admin.transactions.list', { search: `bench${(i * 7919) % PAYMENTS}@example.com`, limit: 50 })],
      ['search by part of a name (a scan)', (i) => get('admin.transactions.list', { search: `Patient ${(i * 7919) % PAYMENTS}x`, limit: 50 })],
      ['summary, 30 days', (i) => get('admin.transactions.summary', window(i))],
    ];
    for (const [name, run] of scenarios) {
      const count = name.includes('(a scan)') ? 10 : PAGES;
      const latencies: number[] = [];
      for (let i = 0; i < count; i++) {
        const [result, ms] = await timed(() => run(i));
        latencies.push(typeof result === 'number' ? result : ms);
      }
      latencies.sort((a, b) => a - b);
      console.log(`${name}: p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms (${count} requests)`);
    }
  } finally {
    await api.stop();
  }
  await measureExport(databaseUrl, runAs);
}

/** In a fresh API process, so what the export holds is not mixed with what the pages left. */
async function measureExport(databaseUrl: string, runAs: 'tsx' | 'bundle') {
  const api = await startApi(databaseUrl, runAs);
  try {
    const cookie = await signIn(api.url);
    const before = await memoryOf(api.pid);
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      void memoryOf(api.pid).then((m) => (peakRss = Math.max(peakRss, m.rss)), () => undefined);
    }, 50);
    const [exported, exportMs] = await timed(async () => {
      const response = await fetch(`${api.url}/exports/transactions.csv`, { headers: { cookie } });
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (const byte of chunk) if (byte === 10) lines++;
      }
      return { bytes, rows: lines - 1 };
    });
    clearInterval(sampler);
    const after = await memoryOf(api.pid);
    console.log(
      `CSV export: ${exported.rows} rows, ${fmt(exported.bytes / 1e6)} MB in ${fmt(exportMs / 1000, 2)} s; API process RSS ${fmt(before.rss)} MB at rest, peak ${fmt(Math.max(peakRss, after.rss))} MB during (VmHWM since start ${fmt(after.peak)} MB)`,
    );
  } finally {
    await api.stop();
  }
}

await main();
