// The admin transactions page and CSV export at 1,000,000 payments, against the API in its own
// process over PostgreSQL (admin-transactions.ts). Not a test: prints figures (docs/admin-api.md
// keeps them). `pnpm --filter @clinicpay/api exec tsx bench/admin-transactions.bench.ts`.
// BENCH_PAYMENTS resizes; BENCH_DATABASE_URL reuses a database written before; BENCH_RUN_AS=bundle|tsx
// runs one variant; BENCH_EXPORT_ONLY=1 skips the pages; API_NODE_ARGS passes flags to the API's node.
import { fmt } from '@clinicpay/testing';
import { startDatabase, writePayments } from './admin-bench-support.js';
import { measureExport, measurePages, type RunAs } from './admin-transactions.js';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
const PAGES = 300;

/** BENCH_DATABASE_URL: a database already holding BENCH_PAYMENTS bench payments (repeated runs). */
async function database() {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, drop: () => Promise.resolve() };
  const fresh = await startDatabase();
  console.log(`Writing ${PAYMENTS} payments…`);
  const t0 = performance.now();
  await writePayments(fresh.db, PAYMENTS);
  console.log(`  in ${fmt((performance.now() - t0) / 1000)} s`);
  return fresh;
}

async function measure(databaseUrl: string, runAs: RunAs) {
  // BENCH_EXPORT_ONLY=1 skips the pages (when working on the export).
  if (!process.env.BENCH_EXPORT_ONLY) {
    const [scenarios] = await measurePages(databaseUrl, runAs, {
      payments: PAYMENTS,
      pages: PAGES,
    });
    for (const { name, run } of scenarios!) {
      if (run.firstError) throw new Error(`${name}: ${run.firstError}`);
      console.log(
        `${name}: p50 ${fmt(run.p50)} ms, p95 ${fmt(run.p95)} ms, p99 ${fmt(run.p99)} ms (${run.calls} requests)`,
      );
    }
  }
  const e = await measureExport(databaseUrl, runAs);
  console.log(
    `CSV export: ${e.rows} rows, ${fmt(e.bytes / 1e6)} MB in ${fmt(e.seconds, 2)} s; API process RSS ${fmt(e.restRss)} MB at rest, peak ${fmt(e.peakRss)} MB during (VmHWM since start ${fmt(e.highWater)} MB)`,
  );
}

const db = await database();
try {
  // BENCH_RUN_AS=bundle or tsx runs one of the two.
  for (const runAs of (['bundle', 'tsx'] as const).filter(
    (r) => !process.env.BENCH_RUN_AS || r === process.env.BENCH_RUN_AS,
  )) {
    console.log(
      `\nAPI run as ${runAs === 'bundle' ? 'the production build (node dist/bench/main.mjs)' : 'npm start does (tsx src/main.ts)'}:`,
    );
    await measure(db.url, runAs);
  }
} finally {
  await db.drop();
}
