// Part 5: the benchmarks of the other issues in one run, each beside a baseline measured in the
// same run, as ratios of medians over repeated runs. Checks say only that each benchmark really
// ran (every operation asked for succeeded, every ratio is a number); a missed target is a figure.
import { loadavg } from 'node:os';
import { check, type PartResult, type ProofPart, type Scale } from '../report.js';
import { adminSection } from './admin-section.js';
import { availabilitySection } from './availability-section.js';
import { bookingSection } from './booking-section.js';
import { emulatorSection } from './emulator-section.js';
import { httpOverheadSection } from './http-overhead-section.js';
import { ratioOf, renderRows, targetVerdict } from './row.js';
import type { Section } from './section.js';
import { sizesFor } from './sizes.js';
import { webhookSection } from './webhook-section.js';

export const performancePart: ProofPart = {
  name: 'performance',
  title: '5. Performance table',
  run: runPerformance,
};

async function runPerformance(scale: Scale): Promise<PartResult> {
  const sizes = sizesFor(scale);
  const load = loadavg()[0]!.toFixed(1);
  // The million-row ones last: their tables take the database's cache.
  const steps: [string, () => Promise<Section>][] = [
    ['HTTP overhead', () => httpOverheadSection(sizes.http)],
    ['webhook ingest', () => webhookSection(sizes.webhook)],
    ['bookings', () => bookingSection(sizes.booking)],
    ['Stripe emulator', () => emulatorSection(sizes.emulator)],
    ['availability', () => availabilitySection(sizes.availability)],
    ['admin transactions and CSV export', () => adminSection(sizes.admin)],
  ];
  const sections: Section[] = [];
  for (const [name, step] of steps) {
    // A full run takes minutes: say what is running.
    const started = performance.now();
    console.log(`  performance: ${name}…`);
    sections.push(await step());
    console.log(
      `  performance: ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }

  const rows = sections.flatMap((s) => s.rows);
  const ratios = rows.filter((r) => r.baseline).map((r) => ({ what: r.what, ratio: ratioOf(r)! }));
  const badRatios = ratios.filter((r) => !Number.isFinite(r.ratio) || r.ratio <= 0);
  const missed = rows.filter((r) => targetVerdict(r) === 'missed');
  const withTargets = rows.filter((r) => r.target).length;
  const scaleNote =
    scale === 'full'
      ? `Medians over ${sizes.http.rounds} runs of each (the CSV export over ${sizes.admin.exports}); the ${sizes.availability.appointments.toLocaleString('en-US')}-row tables are written once and queried in each run.`
      : 'CI scale: one run of each at tiny sizes (the million-row benchmarks at ' +
        `${sizes.availability.appointments.toLocaleString('en-US')} appointments and ${sizes.admin.payments.toLocaleString('en-US')} payments): correctness only, the figures mean nothing.`;
  return {
    checks: [
      ...sections.flatMap((s) => s.checks),
      check(
        'Every ratio in the table is a finite positive number (figure and baseline both measured)',
        ratios.length > 0 && badRatios.length === 0,
        badRatios.length === 0
          ? `${ratios.length} ratios`
          : `not a number: ${badRatios.map((r) => `${r.what} (${r.ratio})`).join('; ')}`,
      ),
    ],
    figures: [
      renderRows(rows),
      missed.length === 0
        ? `Targets: all ${withTargets} met in this run.`
        : `Targets: **${missed.length} of ${withTargets} missed in this run**: ${missed.map((r) => r.what).join('; ')}. A missed target is reported, not failed: the machine is shared.`,
    ],
    setup: [
      scaleNote,
      "PostgreSQL is the machine's server (TEST_DATABASE_URL); the load generator, the API, the baselines and PostgreSQL share this machine's cores.",
      ...sections.map((s) => s.setup),
      `Load average at the start: ${load}.`,
      "Not included: the patient SPA's Confirm-to-card time (needs a browser and a Vite build; `pnpm --filter @clinicpay/e2e run bench`) and start-up time (`pnpm bench:start`); neither has a baseline to run beside.",
    ].join(' '),
  };
}
