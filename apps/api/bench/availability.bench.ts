// Availability over 30 days at 1,000,000 appointments beside the same call on an empty table
// (availability.ts). Not a test: prints figures. `pnpm --filter @clinicpay/api bench`.
import { measureAvailability } from './availability.js';
import { fmt } from '@clinicpay/testing';

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
const CALLS = 200;

const result = await measureAvailability({ appointments: APPOINTMENTS, calls: CALLS, rounds: 1 });
const [empty, loaded] = [result.empty[0]!, result.loaded[0]!];
for (const run of [empty, loaded])
  if (run.firstError) throw new Error(`availability: ${run.firstError}`);
console.log(`availability, 30 days, any of ${result.doctors} doctors, ${CALLS} calls (ms)`);
console.log(
  `  empty table:              p50 ${fmt(empty.p50, 2)}  p95 ${fmt(empty.p95, 2)}  p99 ${fmt(empty.p99, 2)}`,
);
console.log(
  `  ${result.rows.toLocaleString('en-US')} appointments:  p50 ${fmt(loaded.p50, 2)}  p95 ${fmt(loaded.p95, 2)}  p99 ${fmt(loaded.p99, 2)}   (loaded in ${fmt(result.loadSeconds)} s)`,
);
console.log(
  `  ratio p95 loaded / empty: ${fmt(loaded.p95 / empty.p95, 2)}   (target p95 <= 10 ms)`,
);
