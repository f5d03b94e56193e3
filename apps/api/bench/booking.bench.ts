// Bookings per second through booking.create over HTTP beside the same inserts through pg
// (booking.ts). Not a test: prints figures. `pnpm --filter @clinicpay/api bench`.
import { addDays, toLocal } from '@clinicpay/contracts';
import { assertAllSucceeded, fmt, median, type PoolRun } from '@clinicpay/testing';
import { measureBookings } from './booking.js';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 500);
const IN_FLIGHT = 16;
const ROUNDS = 3;

const rounds = await measureBookings({ bookings: BOOKINGS, rounds: ROUNDS, inFlight: IN_FLIGHT });
assertAllSucceeded(
  'bookings',
  rounds.flatMap((r) => [r.http, r.floor]),
);
const summary = (runs: PoolRun[]) => ({
  perSecond: median(runs.map((r) => r.perSecond)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
});
const http = summary(rounds.map((r) => r.http));
const floor = summary(rounds.map((r) => r.floor));
const today = toLocal(new Date(), 'America/New_York').date;
console.log(
  `bookings, ${BOOKINGS} x ${ROUNDS} rounds, ${IN_FLIGHT} in flight (medians; slots from ${today} to ${addDays(today, 60)})`,
);
console.log(
  `  booking.create + checkout session:  ${fmt(http.perSecond, 0)} bookings/s   p50 ${fmt(http.p50)} ms   p99 ${fmt(http.p99)} ms`,
);
console.log(
  `  same inserts via pg:                ${fmt(floor.perSecond, 0)} bookings/s   p50 ${fmt(floor.p50)} ms   p99 ${fmt(floor.p99)} ms`,
);
console.log(`  ratio: ${fmt(http.perSecond / floor.perSecond, 2)}`);
