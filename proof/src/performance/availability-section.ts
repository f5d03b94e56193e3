// Availability p95 with a large appointments table beside the same call on an empty one.
import { measureAvailability } from '@clinicpay/api/bench/availability';
import { check } from '../report.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

export async function availabilitySection(sizes: Sizes['availability']): Promise<Section> {
  const result = await measureAvailability(sizes);
  const runs = [...result.empty, ...result.loaded];
  const asked = runs.length * sizes.calls;
  const ok = runs.reduce((s, r) => s + r.ok, 0);
  const firstError = runs.map((r) => r.firstError).find(Boolean);
  return {
    rows: [
      {
        what: `Availability, 30 days, any of ${result.doctors} doctors, ${result.rows.toLocaleString('en-US')} appointments, p95`,
        unit: 'ms',
        values: result.loaded.map((r) => r.p95),
        baseline: { what: 'the same call, empty table', values: result.empty.map((r) => r.p95) },
        target: { text: 'p95 ≤ 10 ms', met: (figure) => figure <= 10 },
      },
    ],
    checks: [
      check(
        'Availability: every call answered with free slots, and the table held the appointments asked for',
        ok === asked && result.rows >= sizes.appointments,
        `${counted(ok, asked)} calls; ${result.rows.toLocaleString('en-US')} rows for ${sizes.appointments.toLocaleString('en-US')} asked${firstError ? `; first failure: ${firstError}` : ''}`,
      ),
    ],
    setup: `Availability: ${sizes.calls} sequential calls per run, in process (no HTTP), ${sizes.appointments.toLocaleString('en-US')} appointments written in ${result.loadSeconds.toFixed(1)} s.`,
  };
}
