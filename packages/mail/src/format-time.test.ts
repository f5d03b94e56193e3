import { describe, expect, it } from 'vitest';
import { formatMoment, formatShort, formatShortDate, formatSpan } from './format-time.js';

const AUCKLAND = 'Pacific/Auckland';

describe('format-time', () => {
  it("shows an instant in the clinic's zone, naming the zone", () => {
    const starts = new Date('2026-12-08T20:30:00Z');
    const ends = new Date('2026-12-08T21:00:00Z');
    expect(formatSpan(starts, ends, AUCKLAND)).toBe(
      'Wednesday 9 December 2026, 09:30–10:00 (Pacific/Auckland)',
    );
    expect(formatSpan(starts, ends, 'America/New_York')).toBe(
      'Tuesday 8 December 2026, 15:30–16:00 (America/New_York)',
    );
    expect(formatMoment(starts, AUCKLAND)).toBe(
      'Wednesday 9 December 2026, 09:30 (Pacific/Auckland)',
    );
    expect(formatShort(starts, AUCKLAND)).toBe('Wed 9 Dec, 09:30');
    expect(formatShortDate(starts, AUCKLAND)).toBe('Wed 9 Dec');
  });

  it('follows daylight saving time and writes midnight as 00:00', () => {
    // New York: UTC-4 in July, UTC-5 in January.
    expect(formatShort(new Date('2026-07-15T13:00:00Z'), 'America/New_York')).toBe(
      'Wed 15 Jul, 09:00',
    );
    expect(formatShort(new Date('2026-01-15T14:00:00Z'), 'America/New_York')).toBe(
      'Thu 15 Jan, 09:00',
    );
    expect(formatShort(new Date('2026-01-15T05:00:00Z'), 'America/New_York')).toBe(
      'Thu 15 Jan, 00:00',
    );
  });

  it('names both dates when an appointment ends on the next day', () => {
    expect(
      formatSpan(new Date('2026-12-09T10:30:00Z'), new Date('2026-12-09T11:30:00Z'), AUCKLAND),
    ).toBe(
      'Wednesday 9 December 2026, 23:30 – Thursday 10 December 2026, 00:30 (Pacific/Auckland)',
    );
  });
});
