import type { Scale } from '../report.js';

/** How much each benchmark does, and how many times it repeats, at each scale. */
export interface Sizes {
  http: { requests: number; rounds: number; inFlight: number };
  webhook: { events: number; rounds: number; inFlight: number };
  booking: { bookings: number; rounds: number; inFlight: number };
  availability: { appointments: number; calls: number; rounds: number };
  admin: { payments: number; pages: number; rounds: number; exports: number };
  emulator: { perRound: number; rounds: number; warmup: number; inFlight: number };
}

// Full: the sizes the benchmarks' own scripts use, 5 runs each. The million-row tables are written
// once; their queries repeat 5 times over them, the CSV export (about 15 s a run) 3 times.
const FULL: Sizes = {
  http: { requests: 5000, rounds: 5, inFlight: 32 },
  webhook: { events: 3000, rounds: 5, inFlight: 32 },
  booking: { bookings: 500, rounds: 5, inFlight: 16 },
  availability: { appointments: 1_000_000, calls: 200, rounds: 5 },
  admin: { payments: 1_000_000, pages: 300, rounds: 5, exports: 3 },
  emulator: { perRound: 3000, rounds: 5, warmup: 3000, inFlight: 32 },
};

// CI: one run of each at a size that only shows the benchmark still works end to end.
const CI: Sizes = {
  http: { requests: 300, rounds: 1, inFlight: 32 },
  webhook: { events: 200, rounds: 1, inFlight: 32 },
  booking: { bookings: 100, rounds: 1, inFlight: 16 },
  availability: { appointments: 10_000, calls: 30, rounds: 1 },
  admin: { payments: 5_000, pages: 30, rounds: 1, exports: 1 },
  emulator: { perRound: 300, rounds: 1, warmup: 100, inFlight: 32 },
};

export const sizesFor = (scale: Scale): Sizes => (scale === 'full' ? FULL : CI);
