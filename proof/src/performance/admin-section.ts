// The admin transactions page beside the bare keyset query, and the CSV export's time and peak
// memory, over one database of bench payments and the API as a one-file build (as production).
import { sql } from '@clinicpay/db';
import { startDatabase, writePayments } from '@clinicpay/api/bench/admin-bench-support';
import { measureKeysetFloor } from '@clinicpay/api/bench/admin-keyset-floor';
import {
  measureExport,
  measurePages,
  type ExportRun,
} from '@clinicpay/api/bench/admin-transactions';
import { check } from '../report.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

export async function adminSection(sizes: Sizes['admin']): Promise<Section> {
  const database = await startDatabase();
  try {
    const t0 = performance.now();
    await writePayments(database.db, sizes.payments);
    const writeSeconds = (performance.now() - t0) / 1000;
    const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM payments`.execute(
      database.db,
    );
    const payments = total.rows[0]!.n;

    const pages = (
      await measurePages(database.url, 'bundle', {
        payments: sizes.payments,
        pages: sizes.pages,
        rounds: sizes.rounds,
        only: 'first-page',
      })
    ).map((round) => round[0]!.run);
    const floor = [];
    for (let r = 0; r < sizes.rounds; r++)
      floor.push(
        await measureKeysetFloor(database.url, { payments: sizes.payments, queries: sizes.pages }),
      );
    const exports: ExportRun[] = [];
    for (let r = 0; r < sizes.exports; r++)
      exports.push(await measureExport(database.url, 'bundle'));

    const pagesAsked = (pages.length + floor.length) * sizes.pages;
    const pagesOk = [...pages, ...floor].reduce((s, r) => s + r.ok, 0);
    const firstError = [...pages, ...floor].map((r) => r.firstError).find(Boolean);
    const exported = exports.filter((e) => e.status === 200 && e.rows === payments).length;
    const label = `${sizes.payments.toLocaleString('en-US')} payments`;
    return {
      rows: [
        {
          what: `Admin transactions page (completed, 30 days, 50 rows), ${label}, p95`,
          unit: 'ms',
          values: pages.map((r) => r.p95),
          baseline: { what: 'the bare keyset query through `pg`', values: floor.map((r) => r.p95) },
          target: { text: 'p95 ≤ 30 ms', met: (figure) => figure <= 30 },
        },
        {
          what: `CSV export of ${label}, time`,
          unit: 's',
          values: exports.map((e) => e.seconds),
          target: { text: '≤ 20 s', met: (figure) => figure <= 20 },
        },
        {
          what: 'CSV export, peak RSS of the API process',
          unit: 'MB',
          values: exports.map((e) => e.peakRss),
          baseline: { what: 'the same process at rest', values: exports.map((e) => e.restRss) },
          target: { text: '≤ 200 MB', met: (figure) => figure <= 200 },
        },
      ],
      checks: [
        check(
          'Admin transactions: every page request and every bare keyset query returned rows',
          pagesOk === pagesAsked,
          `${counted(pagesOk, pagesAsked)}${firstError ? `; first failure: ${firstError}` : ''}`,
        ),
        check(
          'CSV export: every export answered 200 with one line per payment in the database',
          exported === exports.length && exports.length === sizes.exports,
          `${counted(exported, sizes.exports)} exports complete; lines ${exports.map((e) => e.rows.toLocaleString('en-US')).join(', ')} for ${payments.toLocaleString('en-US')} payments`,
        ),
      ],
      setup: `Admin: ${label} written in ${writeSeconds.toFixed(1)} s; ${sizes.pages} sequential page requests per run (${sizes.rounds} run${sizes.rounds === 1 ? '' : 's'}) and ${sizes.exports} export run${sizes.exports === 1 ? '' : 's'}, the API as a one-file build (esbuild) in its own process.`,
    };
  } finally {
    await database.drop();
  }
}
