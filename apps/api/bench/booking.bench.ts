// Bookings per second through booking.create over HTTP beside the same inserts through pg
// (booking.ts). Not a test: prints figures. `pnpm --filter @clinicpay/api bench`.
import { addDays, toLocal } from '@clinicpay/contracts';
import { assertAllSucceeded, fmt, medianOfRuns } from '@clinicpay/testing';
import { measureBookings } from './booking.js';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 500);
const IN_FLIGHT = 16;
const ROUNDS = 3;

const rounds = await measureBookings({ bookings: BOOKINGS, rounds: ROUNDS, inFlight: IN_FLIGHT });
assertAllSucceeded(
  'bookings',
  rounds.flatMap((r) => [r.http, r.floor]),
);
const http = medianOfRuns(rounds.map((r) => r.http));
const floor = medianOfRuns(rounds.map((r) => r.floor));
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
