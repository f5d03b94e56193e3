import { describe, expect, it } from 'vitest';
import { bookingsOutsideHours } from '../availability/weekly-hours.js';
import { describeBookings } from './schedule-conflicts.js';

const NY = 'America/New_York';
const booking = (reference: string, startsAt: string, minutes = 30) => ({
  reference,
  starts_at: new Date(startsAt),
  ends_at: new Date(Date.parse(startsAt) + minutes * 60_000),
});
const mondays = (start: number, end: number) => [
  { weekday: 1, startMinute: start, endMinute: end },
];

describe('bookings outside new weekly hours', () => {
  it('keeps bookings inside the hours in the clinic wall-clock time, across a DST change', () => {
    // 09:00 local on the Mondays before (UTC-4) and after (UTC-5) the November change.
    const before = booking('A', '2026-10-26T13:00:00Z');
    const after = booking('B', '2026-11-02T14:00:00Z');
    expect(bookingsOutsideHours([before, after], mondays(9 * 60, 12 * 60), NY)).toEqual([]);
    expect(bookingsOutsideHours([before, after], mondays(10 * 60, 12 * 60), NY)).toEqual([
      before,
      after,
    ]);
  });

  it('refuses a booking that runs past the end, or falls on another day', () => {
    const late = booking('C', '2026-11-02T21:45:00Z'); // 16:45–17:15 local
    const tuesday = booking('D', '2026-11-03T14:00:00Z');
    expect(bookingsOutsideHours([late, tuesday], mondays(9 * 60, 17 * 60), NY)).toEqual([
      late,
      tuesday,
    ]);
  });

  it('lets a booking end exactly at midnight', () => {
    const lastSlot = booking('E', '2026-11-03T04:30:00Z'); // Monday 23:30–24:00 local
    expect(bookingsOutsideHours([lastSlot], mondays(22 * 60, 1440), NY)).toEqual([]);
  });

  it('names at most ten bookings, then counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      booking(`CP-${i}`, `2026-11-02T${String(14 + (i % 8)).padStart(2, '0')}:00:00Z`),
    );
    expect(describeBookings(many.slice(0, 1), NY)).toBe('CP-0 (Mon, 2 Nov 2026, 09:00–09:30)');
    expect(describeBookings(many, NY)).toMatch(/CP-9 \(.*\) and 2 more$/);
  });
});
