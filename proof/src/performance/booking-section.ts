// Booking writes: booking.create over HTTP (with its checkout session at the emulator) beside the
// same inserts through pg (the floor).
import { measureBookings } from '@clinicpay/api/bench/booking';
import { check } from '../report.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

export async function bookingSection(sizes: Sizes['booking']): Promise<Section> {
  const rounds = await measureBookings(sizes);
  const asked = rounds.length * sizes.bookings;
  const sum = (pick: (r: (typeof rounds)[number]) => number) =>
    rounds.reduce((s, r) => s + pick(r), 0);
  const firstError = rounds.map((r) => r.http.firstError ?? r.floor.firstError).find(Boolean);
  const floor = 'the same inserts through `pg`';
  return {
    rows: [
      {
        what: 'Bookings: `booking.create` over HTTP incl. the checkout session, bookings/s',
        unit: '/s',
        values: rounds.map((r) => r.http.perSecond),
        baseline: { what: floor, values: rounds.map((r) => r.floor.perSecond) },
      },
      {
        what: 'Bookings, p99',
        unit: 'ms',
        values: rounds.map((r) => r.http.p99),
        baseline: { what: floor, values: rounds.map((r) => r.floor.p99) },
      },
    ],
    checks: [
      check(
        'Bookings: every booking.create returned a checkout session, and each left a hold with its session in the database',
        sum((r) => r.http.ok) === asked && sum((r) => r.written.http) === asked,
        `${counted(
          sum((r) => r.http.ok),
          asked,
        )} returned, ${counted(
          sum((r) => r.written.http),
          asked,
        )} holds written${firstError ? `; first failure: ${firstError}` : ''}`,
      ),
      check(
        'Bookings floor: every insert transaction through pg committed its appointment',
        sum((r) => r.floor.ok) === asked && sum((r) => r.written.floor) === asked,
        `${counted(
          sum((r) => r.floor.ok),
          asked,
        )} committed, ${counted(
          sum((r) => r.written.floor),
          asked,
        )} appointments found`,
      ),
    ],
    setup: `Bookings: ${sizes.bookings.toLocaleString('en-US')} per run at ${sizes.inFlight} in flight.`,
  };
}
